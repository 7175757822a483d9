package io.gctls.deploy;

import io.gctls.api.ApiClient;
import io.gctls.api.ApiException;
import io.gctls.api.ApiRequest;
import io.gctls.api.ApiResponse;
import io.gctls.api.Attempt;
import io.gctls.api.PathSegments;
import io.gctls.core.Cancellation;
import io.gctls.core.DomainName;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The custom-domain endpoints (docs/api.md "Custom domains (B)": not in Genesys Cloud's public
 * API catalogue, hence the configurable base path). Lists are paged for the caller, at the page
 * size the server serves, with a bound on domains and a check for a server repeating the same page,
 * so that one that keeps saying "more" cannot keep gctls looping.
 */
public final class CustomDomains {

    public static final String DEFAULT_PATH = "/api/v2/customdomains";
    public static final int PAGE_SIZE = 100;
    /** More than any real fleet: a server that keeps saying "more" is stopped here, however small its pages. */
    public static final int MAX_DOMAINS = 50_000;

    private final ApiClient client;
    private final String path;
    private final Consumer<String> progress;
    private final List<Attempt> journal = new ArrayList<>();

    public CustomDomains(ApiClient client, String path, Consumer<String> progress) {
        this.client = client;
        this.path = path;
        this.progress = progress;
    }

    public String path() {
        return path;
    }

    /**
     * Every domain, or those matching {@code domain} when given (the server filters, gctls checks). The
     * name is normalised first ({@link DomainName}): a malformed one is a usage error, nothing sent.
     */
    public List<CustomDomain> list(Optional<String> name, Cancellation cancellation) {
        Optional<String> domain = name.map(n -> DomainName.normalize(n, "--domain"));
        List<CustomDomain> all = new ArrayList<>();
        int page = 1;
        int size = PAGE_SIZE;
        List<String> previousIds = List.of();
        int samePages = 0;
        while (true) {
            if (all.size() >= MAX_DOMAINS) {
                throw new GctlsException(ExitCode.UNAVAILABLE, "GET " + path + " still had more after " + all.size()
                        + " domains in " + (page - 1) + " pages; stopped (the API keeps paging)");
            }
            ApiRequest request = ApiRequest.get(path).query("pageNumber", page).query("pageSize", size)
                    .query("domain", domain.orElse(null));
            JsonNode body = call(request, cancellation).json();
            JsonNode entities = body.path("entities");
            if (!entities.isArray()) {
                throw malformed(request, "no entities list");
            }
            List<String> ids = new ArrayList<>();
            entities.forEach(e -> {
                CustomDomain d = CustomDomain.from(e);
                all.add(d);
                ids.add(d.id());
            });
            samePages = !ids.isEmpty() && ids.equals(previousIds) ? samePages + 1 : 0;
            previousIds = ids;
            if (samePages >= 2) {
                throw new GctlsException(ExitCode.UNAVAILABLE, "GET " + path + " is repeating itself: pages "
                        + (page - 2) + " to " + page + " hold the same " + ids.size() + " domains; stopped");
            }
            // a server may serve fewer a page than asked for (25 of 100): its pageSize says so, and from
            // then on pages are asked for at that size, so that page numbers count the same domains
            int served = body.path("pageSize").asInt(0);
            if (served > 0 && served < size) {
                size = served;
            }
            int pageCount = body.path("pageCount").asInt(0);
            long total = body.path("total").asLong(-1);
            boolean more = pageCount > 0 ? page < pageCount : total >= 0 ? all.size() < total
                    : entities.size() >= size;
            if (!more || entities.isEmpty()) {
                break;
            }
            page++;
        }
        return domain.map(d -> all.stream().filter(c -> c.isFor(d)).toList()).orElse(all);
    }

    public Optional<CustomDomain> find(String domain, Cancellation cancellation) {
        return list(Optional.of(domain), cancellation).stream().findFirst();
    }

    public CustomDomain get(String id, Cancellation cancellation) {
        return CustomDomain.from(call(ApiRequest.get(path + "/" + PathSegments.id(id, "a domain id")), cancellation)
                .json());
    }

    /** POST: never repeated blindly; the caller reconciles an ambiguous answer. */
    public ApiResponse create(String json, Cancellation cancellation) {
        return call(ApiRequest.post(path, json), cancellation);
    }

    /** PUT replaces the certificate of an existing domain; repeating it is harmless. */
    public ApiResponse replace(String id, String json, Cancellation cancellation) {
        return call(ApiRequest.put(path + "/" + PathSegments.id(id, "a domain id"), json), cancellation);
    }

    /** Every attempt made through this object, answered or not, in order: a deploy's --verbose trail. */
    public List<Attempt> attempts() {
        return List.copyOf(journal);
    }

    private ApiResponse call(ApiRequest request, Cancellation cancellation) {
        try {
            ApiResponse response = client.call(request, cancellation, progress);
            journal.addAll(response.attempts());
            return response;
        } catch (ApiException e) {
            journal.addAll(e.attempts());
            throw e;
        }
    }

    private static GctlsException malformed(ApiRequest request, String what) {
        return new GctlsException(ExitCode.UNAVAILABLE, request.describe() + " answered with " + what
                + " (not the list the API should return)");
    }
}
