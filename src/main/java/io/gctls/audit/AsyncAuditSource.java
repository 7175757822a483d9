package io.gctls.audit;

import io.gctls.core.Quote;
import io.gctls.core.ServerText;
import io.gctls.api.ApiClient;
import io.gctls.api.ApiRequest;
import io.gctls.api.PathSegments;
import io.gctls.api.Progress;
import io.gctls.api.Waits;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Genesys's asynchronous audit query, for windows beyond the real-time query's 14 days:
 * {@code POST /api/v2/audits/query} answers {@code {id, state}}; {@code GET /api/v2/audits/query/{id}}
 * is polled with a growing pause until {@code Succeeded} ({@code Failed} or {@code Cancelled} end it,
 * exit 5), at most {@link #MAX_POLLS} times and within the query's time bound; then
 * {@code GET /api/v2/audits/query/{id}/results?cursor=&pageSize=} is read cursor by cursor.
 */
public final class AsyncAuditSource implements AuditSource {

    public static final String PATH = "/api/v2/audits/query";
    public static final int MAX_POLLS = 40;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final ApiClient client;
    private final Clock clock;

    public AsyncAuditSource(ApiClient client) {
        this.client = client;
        this.clock = client.executor().clock();
    }

    @Override
    public String name() {
        return "async";
    }

    @Override
    public AuditPage page(AuditQuery query, AuditPage.Next next, Cancellation cancellation,
            Consumer<String> progress) {
        if (next == null) {
            String id = submitAndAwait(query, cancellation, progress);
            return results(query, id, null, cancellation, progress);
        }
        int space = next.token().indexOf(' ');
        return results(query, next.token().substring(0, space), next.token().substring(space + 1), cancellation,
                progress);
    }

    private String submitAndAwait(AuditQuery query, Cancellation cancellation, Consumer<String> progress) {
        Instant started = clock.instant();
        // Submitting only starts a read on the server; repeating it after a lost answer is harmless.
        ApiRequest submit = ApiRequest.post(PATH, Json.compact(body(query))).safeToRepeat();
        JsonNode execution = client.call(submit, cancellation, progress).json();
        String id = Pages.text(execution, "id");
        if (!PathSegments.isSafe(id)) {
            throw Pages.malformed(submit.describe(), id == null ? "no query id" : "a query id that is not one ("
                    + Quote.of(id) + ")");
        }
        String state = state(execution);
        progress.accept("audit query " + id + " submitted for " + query.interval() + ": "
                + Pages.text(execution, "state"));
        Duration pause = FIRST_PAUSE;
        int polls = 0;
        while (!state.equals("succeeded")) {
            failIfEnded(id, state, execution);
            Duration spent = Duration.between(started, clock.instant());
            if (polls >= MAX_POLLS || spent.plus(pause).compareTo(query.limits().maxTime()) > 0) {
                throw new GctlsException(ExitCode.UNAVAILABLE, "audit query " + id + " was still "
                        + Pages.text(execution, "state") + " after " + polls + " polls over " + Waits.format(spent)
                        + "; stopped waiting (GET " + PATH + "/" + id + " shows it later)");
            }
            ApiRequest poll = ApiRequest.get(PATH + "/" + id);
            Progress.pausing(progress, "audit query " + id + " is " + Pages.text(execution, "state"), poll.describe(),
                    pause, "(poll " + (polls + 1) + ")");
            client.pause(pause, cancellation);
            execution = client.call(poll, cancellation, progress).json();
            polls++;
            String now = state(execution);
            if (!now.equals(state)) {
                progress.accept("audit query " + id + ": " + Pages.text(execution, "state") + " (poll " + polls + ")");
            }
            state = now;
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
        return id;
    }

    private static void failIfEnded(String id, String state, JsonNode execution) {
        if (state.equals("failed") || state.equals("cancelled")) {
            String why = Optional.ofNullable(Pages.text(execution, "errorMessage"))
                    .or(() -> Optional.ofNullable(Pages.text(execution, "message"))).map(m -> ": " + ServerText.clean(m, 300)).orElse("");
            throw new GctlsException(ExitCode.API_REFUSED, "audit query " + id + " ended " + Pages.text(execution,
                    "state") + " on the server" + why + "; run it again, or with a shorter --since/--until window");
        }
    }

    private static String state(JsonNode execution) {
        String state = Pages.text(execution, "state");
        return state == null ? "unknown" : state.toLowerCase(Locale.ROOT);
    }

    private AuditPage results(AuditQuery query, String id, String cursor, Cancellation cancellation,
            Consumer<String> progress) {
        ApiRequest request = ApiRequest.get(PATH + "/" + id + "/results").query("cursor", cursor)
                .query("pageSize", query.limits().pageSize());
        JsonNode body = client.call(request, cancellation, progress).json();
        List<AuditEvent> events = Pages.events(body, "entities", request.describe(), AuditEvent::fromAuditLogMessage);
        String following = Pages.text(body, "cursor");
        Optional<AuditPage.Next> next = following == null ? Optional.empty()
                : Optional.of(new AuditPage.Next(id + " " + following, "cursor " + abbreviated(following)));
        return new AuditPage(events, next, request.describe());
    }

    static Map<String, Object> body(AuditQuery query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interval", query.interval());
        body.put("serviceName", query.filter().serviceName());
        body.put("filters", query.filter().genesysFilters());
        body.put("sort", List.of(Map.of("name", "Timestamp", "sortOrder", "ascending")));
        return body;
    }

    private static String abbreviated(String cursor) {
        return cursor.length() <= 24 ? cursor : cursor.substring(0, 21) + "...";
    }
}
