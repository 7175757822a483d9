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
 * Genesys's real-time audit query (SPEC §2.4, the default): {@code POST /api/v2/audits/query/realtime}
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

    @Override
    public AuditPage page(AuditQuery query, AuditPage.Next next, Cancellation cancellation,
            Consumer<String> progress) {
        int pageNumber = next == null ? 1 : Integer.parseInt(next.token());
        int pageSize = query.limits().pageSize();
        ApiRequest request = ApiRequest.post(PATH, Json.compact(body(query, pageNumber, pageSize))).safeToRepeat();
        JsonNode body = client.call(request, cancellation, progress).json();
        List<AuditEvent> events = Pages.events(body, "entities", request.describe(), AuditEvent::fromAuditLogMessage);
        JsonNode pageCount = body.get("pageCount");
        boolean more = !events.isEmpty() && (pageCount != null && pageCount.isNumber()
                ? pageNumber < pageCount.asInt() : events.size() >= pageSize);
        Optional<AuditPage.Next> following = more ? Optional.of(new AuditPage.Next(String.valueOf(pageNumber + 1),
                "page " + (pageNumber + 1))) : Optional.empty();
        return new AuditPage(events, following, request.describe());
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
