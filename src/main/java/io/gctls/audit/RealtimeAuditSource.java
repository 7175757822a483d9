package io.gctls.audit;

import io.gctls.api.ApiClient;
import io.gctls.api.ApiRequest;
import io.gctls.core.Cancellation;
import io.gctls.core.GctlsException;
import io.gctls.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Genesys's real-time audit query (docs/api.md "Audit log", the default): {@code POST /api/v2/audits/query/realtime}
 * with the interval, service, filters, sort and page, answered with
 * {@code {entities, pageNumber, pageSize, total, pageCount}}. It reaches 14 days back at most; older
 * windows are refused here, before any request, pointing to {@code --source async}.
 *
 * <p>Pages are asked for oldest first: Genesys's default (newest first) shifts every page by one
 * when an event arrives while the pages are read, losing one event at each page boundary.
 */
public final class RealtimeAuditSource implements AuditSource {

    public static final String PATH = "/api/v2/audits/query/realtime";
    public static final Duration REACH = Duration.ofDays(14);
    /**
     * A window starting this close to the 14-day edge is moved inside it: the server checks the edge
     * when the request arrives, a moment after gctls did, and {@code --since 14d} should just work.
     */
    static final Duration EDGE_MARGIN = Duration.ofMinutes(1);

    private final ApiClient client;

    public RealtimeAuditSource(ApiClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "realtime";
    }

    /** The window's start, checked against the 14-day reach (and nudged inside it at the very edge). */
    @Override
    public AuditQuery prepare(AuditQuery query, Instant now, Consumer<String> progress) {
        Instant edge = now.minus(REACH);
        Instant start = query.start();
        if (start.isBefore(edge)) {
            long days = Duration.between(start, now).toDays();
            throw GctlsException.usage("the real-time audit query reaches 14 days back at most, and "
                    + AuditTimes.format(start) + " is " + (days > 14 ? days : "more than 14") + " days back; "
                    + "use --source async for older events");
        }
        Instant inside = edge.plus(EDGE_MARGIN);
        if (start.isBefore(inside) && inside.isBefore(query.end())) {
            progress.accept("the real-time audit query reaches 14 days back; starting at "
                    + AuditTimes.format(inside) + " (use --source async to reach further)");
            return query.between(inside, query.end());
        }
        return query;
    }

    /**
     * One page. The server may serve fewer events a page than asked for (its {@code pageSize} says
     * how many); the next page is then asked for at that size, so that page numbers count the same
     * events on both sides, and whether there is more is judged by {@code pageCount}, else
     * {@code total}, else a full page, at the size served.
     */
    @Override
    public AuditPage page(AuditQuery query, AuditPage.Next next, Cancellation cancellation,
            Consumer<String> progress) {
        int pageNumber = 1;
        int pageSize = query.limits().pageSize();
        if (next != null) {
            String[] token = next.token().split(":");
            pageNumber = Integer.parseInt(token[0]);
            pageSize = token.length > 1 ? Integer.parseInt(token[1]) : pageSize;
        }
        ApiRequest request = ApiRequest.post(PATH, Json.compact(body(query, pageNumber, pageSize))).safeToRepeat();
        JsonNode body = client.call(request, cancellation, progress).json();
        List<AuditEvent> events = Pages.events(body, "entities", request.describe(), AuditEvent::fromAuditLogMessage);
        JsonNode servedNode = body.get("pageSize");
        int served = servedNode != null && servedNode.isInt() && servedNode.asInt() > 0
                && servedNode.asInt() <= pageSize ? servedNode.asInt() : 0;
        int full = served > 0 ? served : pageSize;
        JsonNode pageCount = body.get("pageCount");
        JsonNode total = body.get("total");
        boolean more;
        if (events.isEmpty()) {
            more = false;
        } else if (pageCount != null && pageCount.isNumber()) {
            more = pageNumber < pageCount.asInt();
        } else if (total != null && total.isNumber()) {
            more = (long) (pageNumber - 1) * full + events.size() < total.asLong();
        } else {
            more = events.size() >= full;
        }
        Optional<AuditPage.Next> following = more ? Optional.of(new AuditPage.Next((pageNumber + 1) + ":" + full,
                "page " + (pageNumber + 1))) : Optional.empty();
        return new AuditPage(events, following, request.describe(), served);
    }

    static Map<String, Object> body(AuditQuery query, int pageNumber, int pageSize) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interval", query.interval());
        body.put("serviceName", query.filter().serviceName());
        body.put("filters", query.filter().genesysFilters());
        body.put("sort", List.of(Map.of("name", "Timestamp", "sortOrder", "ascending")));
        body.put("pageNumber", pageNumber);
        body.put("pageSize", pageSize);
        return body;
    }
}
