package io.gctls.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Paging shared by every list the emulator answers: page number and size read and bounded once,
 * slices taken by index (a page of a list of thousands costs the page, not the list), the Genesys
 * paging fields, and the opaque cursors of the asynchronous audit results.
 */
final class Paging {

    static final int DEFAULT_PAGE_SIZE = 25;

    private Paging() {
    }

    /** A 1-based page of a given size. */
    record Page(int number, int size) {

        int from(int total) {
            return (int) Math.min(total, (long) (number - 1) * size);
        }

        int to(int total) {
            return (int) Math.min(total, (long) from(total) + size);
        }

        <T> List<T> slice(List<T> all) {
            return List.copyOf(all.subList(from(all.size()), to(all.size())));
        }

        int pageCount(int total) {
            return (total + size - 1) / size;
        }

        boolean hasMore(int total) {
            return to(total) < total;
        }
    }

    /** {@code pageNumber} and {@code pageSize} from the query string. */
    static Page fromQuery(Call call, String numberName, String sizeName, int maxSize) {
        return new Page(call.intParameter(numberName, 1, 1, Integer.MAX_VALUE),
                call.intParameter(sizeName, DEFAULT_PAGE_SIZE, 1, maxSize));
    }

    /** {@code pageNumber} and {@code pageSize} from a JSON query body. */
    static Page fromBody(JsonNode body, int maxSize) {
        return new Page(Call.intField(body, "pageNumber", 1, 1, Integer.MAX_VALUE),
                Call.intField(body, "pageSize", DEFAULT_PAGE_SIZE, 1, maxSize));
    }

    /** {@code pageNumber, pageSize, total, pageCount}. */
    static Map<String, Object> counts(Page page, int total) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pageNumber", page.number());
        body.put("pageSize", page.size());
        body.put("total", total);
        body.put("pageCount", page.pageCount(total));
        return body;
    }

    /**
     * The counts plus the navigation URIs Genesys entity listings carry ({@code selfUri},
     * {@code firstUri}, {@code lastUri}, {@code nextUri} and {@code previousUri} where they exist).
     *
     * @param extraQuery already encoded, starting with {@code &}, or empty
     */
    static Map<String, Object> entityListing(Page page, int total, String path, String extraQuery) {
        Map<String, Object> body = counts(page, total);
        int pageCount = page.pageCount(total);
        String uri = path + "?pageSize=" + page.size() + extraQuery + "&pageNumber=";
        body.put("selfUri", uri + page.number());
        body.put("firstUri", uri + 1);
        body.put("lastUri", uri + Math.max(1, pageCount));
        if (page.number() < pageCount) {
            body.put("nextUri", uri + (page.number() + 1));
        }
        if (page.number() > 1) {
            body.put("previousUri", uri + Math.min(page.number() - 1, Math.max(1, pageCount)));
        }
        return body;
    }

    static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    /** The offset a {@link #cursor} stands for; anything else is a 400 naming the cursor. */
    static int offset(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (decoded.matches("offset:\\d{1,9}")) {
                return Integer.parseInt(decoded.substring("offset:".length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw ApiError.badRequest("cursor is not one this query issued", "INVALID_VALUE", "cursor");
    }
}
