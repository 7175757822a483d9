package io.gctls.audit;

import static io.gctls.audit.AuditFixtures.T;
import static io.gctls.audit.AuditFixtures.events;
import static io.gctls.audit.AuditFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.api.ApiRequest;
import io.gctls.api.RawRequest;
import io.gctls.api.WaitNotice;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Json;
import io.gctls.testing.RecordingProgress;
import io.gctls.testing.ScriptedApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The asynchronous query: submit, poll with a growing pause, read cursor pages; Failed and endless cases. */
class AsyncAuditSourceTest {

    private final ScriptedApi api = AuditFixtures.api();
    private final List<String> progress = new ArrayList<>();

    private static String state(String state) {
        return "{\"id\":\"q-42\",\"state\":\"" + state + "\",\"startDate\":\"2026-05-01T12:00:00.000Z\"}";
    }

    private static String results(List<Map<String, Object>> entities, String cursor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "q-42");
        body.put("entities", entities);
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        return Json.compact(body);
    }

    private AuditResult read(AuditLimits limits) {
        AuditQuery query = new AuditQuery(T.minus(Duration.ofDays(40)), T.minus(Duration.ofDays(20)),
                AuditSettings.defaults().filter().withEntityId("d-1"), limits);
        AuditResult result = new AuditReader(new AsyncAuditSource(api.client), api.clock).read(query, Cancellation.never(),
                progress::add);
        // a query that stopped early ends the command with its line, after the events read (AuditReaderTest)
        if (result.failure().isPresent()) {
            throw result.failure().get();
        }
        return result;
    }

    private static List<Map<String, Object>> oldEvents(int from, int to) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            events.add(message("old-" + i, T.minus(Duration.ofDays(30)).plusSeconds(i), "Create", "d-1"));
        }
        return events;
    }

    @Test
    void queuedRunningSucceededThenTwoCursorPages() {
        api.transport.answer(200, state("Queued")).answer(200, state("Queued")).answer(200, state("Running"))
                .answer(200, state("Succeeded"))
                .answer(200, results(oldEvents(0, 2), "c+1/2=="))
                .answer(200, results(oldEvents(2, 3), null));
        AuditResult result = read(new AuditLimits(2, 10, Duration.ofMinutes(5)));
        assertThat(result.events()).extracting(AuditEvent::id).containsExactly("old-0", "old-1", "old-2");
        assertThat(result.source()).isEqualTo("async");
        List<RawRequest> sent = api.sent();
        assertThat(sent).extracting(r -> r.method() + " " + r.url().replace("https://api.example.test", ""))
                .containsExactly("POST /api/v2/audits/query", "GET /api/v2/audits/query/q-42",
                        "GET /api/v2/audits/query/q-42", "GET /api/v2/audits/query/q-42",
                        "GET /api/v2/audits/query/q-42/results", "GET /api/v2/audits/query/q-42/results");
        assertThat(sent.get(4).query()).containsEntry("pageSize", "2").doesNotContainKey("cursor");
        // the cursor goes to the transport as a value; Vert.x encodes it (+, / and = included)
        assertThat(sent.get(5).query()).containsEntry("cursor", "c+1/2==");
        assertThat(api.waiter.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
        var body = api.bodies().get(0);
        assertThat(body.get("interval").asString()).isEqualTo("2026-03-22T12:00:00.000Z/2026-04-11T12:00:00.000Z");
        assertThat(body.get("serviceName").asString()).isEqualTo("CustomDomains");
        assertThat(body.at("/filters/0/property").asString()).isEqualTo("EntityId");
        assertThat(body.has("pageNumber")).isFalse();
        assertThat(progress).anySatisfy(l -> assertThat(l).contains("audit query q-42: Running (poll 2)"));
    }

    @Test
    void thePausesWhileTheQueryRunsAreCountdownsAtATerminal() {
        api.transport.answer(200, state("Queued")).answer(200, state("Queued")).answer(200, state("Running"))
                .answer(200, state("Succeeded")).answer(200, results(oldEvents(0, 1), null));
        RecordingProgress terminal = new RecordingProgress();
        AuditQuery query = new AuditQuery(T.minus(Duration.ofDays(40)), T.minus(Duration.ofDays(20)),
                AuditSettings.defaults().filter(), new AuditLimits(2, 10, Duration.ofMinutes(5)));
        new AuditReader(new AsyncAuditSource(api.client), api.clock).read(query, Cancellation.never(), terminal);
        // the first pause is a second: no countdown for it
        assertThat(terminal.waits()).extracting(WaitNotice::describe).containsExactly(
                "audit query q-42 is Queued: GET /api/v2/audits/query/q-42 in 2 s (poll 2)",
                "audit query q-42 is Running: GET /api/v2/audits/query/q-42 in 4 s (poll 3)");
    }

    @Test
    void theSubmitIsSafeToRepeatSoA503IsRetried() {
        api.transport.answer(503, "{}").answer(200, state("Succeeded")).answer(200, results(oldEvents(0, 1), null));
        assertThat(read(AuditLimits.defaults()).events()).hasSize(1);
        assertThat(api.sent()).extracting(RawRequest::method).containsExactly(ApiRequest.Method.POST,
                ApiRequest.Method.POST, ApiRequest.Method.GET);
    }

    @Test
    void aFailedQueryIsExitFiveWithTheServersReason() {
        api.transport.answer(200, state("Queued")).answer(200, "{\"id\":\"q-42\",\"state\":\"Failed\","
                + "\"errorMessage\":\"interval too large\"}");
        assertThatThrownBy(() -> read(AuditLimits.defaults())).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.API_REFUSED);
            assertThat(e.getMessage()).isEqualTo("audit query q-42 ended Failed on the server: interval too large; "
                    + "run it again, or with a shorter --since/--until window");
        });
        assertThat(api.sent()).hasSize(2);
    }

    @Test
    void aQueryThatNeverFinishesIsGivenUpWithinTheTimeBound() {
        api.transport.answer(200, state("Queued")).thenAlways(200, state("Running"));
        assertThatThrownBy(() -> read(new AuditLimits(100, 10, Duration.ofMinutes(1))))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).startsWith("audit query q-42 was still Running after 8 polls over "
                            + "55.0 s; stopped waiting");
                });
        assertThat(api.waiter.total()).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aCursorThatComesBackIsStopped() {
        api.transport.answer(200, state("Succeeded")).answer(200, results(oldEvents(0, 2), "same"))
                .answer(200, results(oldEvents(2, 4), "same"));
        assertThatThrownBy(() -> read(new AuditLimits(2, 10, Duration.ofMinutes(5))))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).isEqualTo("GET /api/v2/audits/query/q-42/results is repeating itself:"
                            + " it pointed to cursor same again; stopped after 2 pages instead of looping; the 4 events read are shown");
                });
    }

    @Test
    void aQueryIdThatIsNotOneIsNeverPutInAPath() {
        api.transport.answer(200, "{\"id\":\"../../tokens/me\",\"state\":\"Queued\"}");
        assertThatThrownBy(() -> read(AuditLimits.defaults())).isInstanceOfSatisfying(GctlsException.class,
                e -> assertThat(e.getMessage()).contains("a query id that is not one"));
        assertThat(api.sent()).hasSize(1);
    }

    @Test
    void eventsOfTheRealtimeShapeAreReadFromResults() {
        api.transport.answer(200, state("Succeeded")).answer(200, results(events(0, 1), null));
        AuditQuery query = new AuditQuery(T.minus(Duration.ofHours(1)), T, AuditSettings.defaults().filter(),
                AuditLimits.defaults());
        AuditEvent event = new AuditReader(new AsyncAuditSource(api.client), api.clock)
                .read(query, Cancellation.never(), progress::add).events().get(0);
        assertThat(event.userName()).isEqualTo("Ada Admin");
        assertThat(event.entityName()).isEqualTo("www.example.com");
        assertThat(event.message()).isEqualTo("Custom domain changed");
    }
}
