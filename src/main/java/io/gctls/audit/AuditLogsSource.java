package io.gctls.audit;

import io.gctls.core.Quote;
import io.gctls.api.ApiClient;
import io.gctls.api.ApiRequest;
import io.gctls.core.Cancellation;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The auditlogs endpoint (docs/api.md "Audit log", marked B: not in Genesys Cloud's public catalogue, so its path is
 * configurable): {@code GET /api/v2/auditlogs?pageSize=&entityType=&eventId=&targetId=&page=} answered
 * with {@code {entity: [...], nextPage}}, oldest first, {@code nextPage} a relative URI.
 *
 * <p>It has no time window: every page is read and the window applied here. The domain id is sent
 * ({@code targetId}) and every value is encoded by the HTTP client. A fixed
 * {@code eventId=customdomain.update} would hide creates, so {@code eventId} is sent only for
 * {@code --action}.
 */
public final class AuditLogsSource implements AuditSource {

    public static final String DEFAULT_PATH = "/api/v2/auditlogs";

    private final ApiClient client;
    private final String path;

    public AuditLogsSource(ApiClient client, String path) {
        this.client = client;
        this.path = path;
    }

    @Override
    public String name() {
        return "auditlogs";
    }

    @Override
    public AuditPage page(AuditQuery query, AuditPage.Next next, Cancellation cancellation,
            Consumer<String> progress) {
        ApiRequest request = next == null ? first(query) : following(next);
        JsonNode body = client.call(request, cancellation, progress).json();
        String entityType = query.filter().entityType();
        List<AuditEvent> events = Pages.events(body, "entity", request.describe(),
                entry -> AuditEvent.fromAuditLogEntry(entry, entityType));
        String nextPage = Pages.text(body, "nextPage");
        Optional<AuditPage.Next> more = nextPage == null ? Optional.empty()
                : Optional.of(new AuditPage.Next(nextPage, "nextPage " + nextPage));
        return new AuditPage(events, more, request.describe());
    }

    private ApiRequest first(AuditQuery query) {
        AuditFilter filter = query.filter();
        String eventId = filter.action() == null || filter.entityType() == null ? null
                : filter.entityType() + "." + filter.action().toLowerCase(Locale.ROOT);
        return ApiRequest.get(path).query("pageSize", query.limits().pageSize())
                .query("entityType", filter.entityType()).query("eventId", eventId)
                .query("targetId", filter.entityId()).query("page", 1);
    }

    /**
     * The request {@code nextPage} names. Its query is decoded into parameters so that the HTTP
     * client encodes them once (passing the raw string on would encode it twice); a URI that leaves
     * the API's host is refused rather than sent our token.
     */
    private ApiRequest following(AuditPage.Next next) {
        String nextPage = next.token();
        URI uri;
        try {
            uri = URI.create(nextPage.startsWith(client.baseUrl()) ? nextPage.substring(client.baseUrl().length())
                    : nextPage);
        } catch (IllegalArgumentException e) {
            throw Pages.malformed("GET " + path, "a nextPage that is not a URI (" + Quote.of(nextPage) + ")");
        }
        if (uri.isAbsolute() || uri.getRawAuthority() != null || uri.getRawPath() == null
                || !uri.getRawPath().startsWith("/")) {
            throw Pages.malformed("GET " + path, "a nextPage outside " + client.baseUrl() + " (" + Quote.of(nextPage) + ")");
        }
        // the path goes out as written: the transport appends it to the base URL without encoding it again
        ApiRequest request = ApiRequest.get(uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                request = request.query(name, value);
            }
        }
        return request;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
