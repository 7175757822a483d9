package io.gctls.audit;

import static io.gctls.audit.AuditFixtures.T;
import static io.gctls.audit.AuditFixtures.events;
import static io.gctls.audit.AuditFixtures.message;
import static io.gctls.audit.AuditFixtures.realtimePage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.testing.ScriptedApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The real-time query through the reader: pages joined, bodies as Genesys wants them, every bound. */
class RealtimeAuditSourceTest {

    private final ScriptedApi api = AuditFixtures.api();
    private final List<String> progress = new ArrayList<>();

    private AuditResult read(AuditFilter filter, AuditLimits limits) {
        AuditQuery query = new AuditQuery(T.minus(Duration.ofHours(1)), T, filter, limits);
        AuditResult result = new AuditReader(new RealtimeAuditSource(api.client), api.clock).read(query, Cancellation.never(),
                progress::add);
        // a query that stopped early ends the command with its line, after the events read (AuditReaderTest)
        if (result.failure().isPresent()) {
            throw result.failure().get();
        }
        return result;
    }

    private static AuditLimits pages(int size, int max) {
        return new AuditLimits(size, max, Duration.ofMinutes(5));
    }

    @Test
    void threePagesAreJoinedOldestFirstEachEventOnce() {
        api.transport.answer(200, realtimePage(1, 2, 3, events(0, 2)))
                .answer(200, realtimePage(2, 2, 3, events(2, 4)))
                .answer(200, realtimePage(3, 2, 3, events(4, 5)));
        AuditResult result = read(AuditSettings.defaults().filter(), pages(2, 10));
        assertThat(result.events()).extracting(AuditEvent::id).containsExactly("e-0", "e-1", "e-2", "e-3", "e-4");
        assertThat(result.pages()).isEqualTo(3);
        assertThat(api.bodies()).extracting(b -> b.get("pageNumber").asInt()).containsExactly(1, 2, 3);
        JsonNode first = api.bodies().get(0);
        assertThat(first.get("interval").asString()).isEqualTo("2026-05-01T11:00:00.000Z/2026-05-01T12:00:00.000Z");
        assertThat(first.get("serviceName").asString()).isEqualTo("CustomDomains");
        assertThat(first.get("pageSize").asInt()).isEqualTo(2);
        assertThat(first.at("/sort/0/name").asString()).isEqualTo("Timestamp");
        assertThat(first.at("/sort/0/sortOrder").asString()).isEqualTo("ascending");
        assertThat(api.sent()).allSatisfy(r -> assertThat(r.url()).endsWith("/api/v2/audits/query/realtime"));
    }

    @Test
    void filtersGoInTheBodyAndStatusIsCheckedHereBecauseGenesysHasNoStatusFilter() {
        var failed = message("e-f", T.minusSeconds(30), "Update", "d-7");
        failed.put("status", "FAILURE");
        api.transport.answer(200, realtimePage(1, 100, 1, List.of(message("e-ok", T.minusSeconds(60), "Update", "d-7"),
                failed)));
        AuditFilter filter = AuditSettings.defaults().filter().withEntityId("d-7").withAction("update")
                .withStatus("failure");
        AuditResult result = read(filter, AuditLimits.defaults());
        assertThat(result.events()).extracting(AuditEvent::id).containsExactly("e-f");
        JsonNode filters = api.bodies().get(0).get("filters");
        assertThat(filters).hasSize(2);
        assertThat(filters.get(0).get("property").asString()).isEqualTo("EntityId");
        assertThat(filters.get(0).get("value").asString()).isEqualTo("d-7");
        assertThat(filters.get(1).get("property").asString()).isEqualTo("Action");
        assertThat(filters.get(1).get("value").asString()).isEqualTo("Update");
    }

    @Test
    void anEventTheServerShouldNotHaveSentIsDropped() {
        api.transport.answer(200, realtimePage(1, 100, 1, List.of(message("e-1", T.minusSeconds(60), "Update", "d-1"),
                message("e-other", T.minusSeconds(50), "Update", "d-2"),
                message("e-old", T.minus(Duration.ofHours(3)), "Update", "d-1"))));
        AuditResult result = read(AuditSettings.defaults().filter().withEntityId("d-1"), AuditLimits.defaults());
        assertThat(result.events()).extracting(AuditEvent::id).containsExactly("e-1");
    }

    @Test
    void anEventRepeatedOnTheNextPageIsPrintedOnce() {
        api.transport.answer(200, realtimePage(1, 2, 2, events(0, 2))).answer(200, realtimePage(2, 2, 2, events(1, 3)));
        AuditResult result = read(AuditSettings.defaults().filter(), pages(2, 10));
        assertThat(result.events()).extracting(AuditEvent::id).containsExactly("e-0", "e-1", "e-2");
        assertThat(result.repeated()).isEqualTo(1);
    }

    @Test
    void withoutPageCountAShortPageIsTheLast() {
        api.transport.answer(200, "{\"entities\":" + io.gctls.core.Json.compact(events(0, 2)) + "}")
                .answer(200, "{\"entities\":" + io.gctls.core.Json.compact(events(2, 3)) + "}");
        assertThat(read(AuditSettings.defaults().filter(), pages(2, 10)).events()).hasSize(3);
        assertThat(api.sent()).hasSize(2);
    }

    @Test
    void aServerThatAlwaysHasMoreIsStoppedByThePageBound() {
        for (int page = 1; page <= 5; page++) {
            api.transport.answer(200, realtimePage(page, 2, 1_000_000, events(page * 2, page * 2 + 2)));
        }
        assertThatThrownBy(() -> read(AuditSettings.defaults().filter(), pages(2, 5)))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).isEqualTo("POST /api/v2/audits/query/realtime still had more after 5 "
                            + "pages of up to 2, 10 events read (next: page 6); stopped at --max-pages 5. Narrow "
                            + "--since/--until, add filters, or raise --max-pages");
                });
        assertThat(api.sent()).hasSize(5);
    }

    @Test
    void aServerRepeatingTheSamePageIsStoppedAtOnce() {
        api.transport.thenAlways(200, realtimePage(1, 2, 50, events(0, 2)));
        assertThatThrownBy(() -> read(AuditSettings.defaults().filter(), pages(2, 100)))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("is repeating itself: pages 1 to 3 hold the same 2 events;"
                            + " stopped after 3 pages instead of looping");
                });
        assertThat(api.sent()).hasSize(3);
    }

    @Test
    void aTransient503IsRetriedByTheClientBecauseTheQueryIsSafeToRepeat() {
        api.transport.answer(503, "{\"code\":\"service.unavailable\",\"status\":503}")
                .answer(200, realtimePage(1, 100, 1, events(0, 1)));
        assertThat(read(AuditSettings.defaults().filter(), AuditLimits.defaults()).events()).hasSize(1);
        assertThat(api.sent()).hasSize(2);
        assertThat(api.waiter.waits()).hasSize(1);
    }

    @Test
    void aBodyWithoutEntitiesIsExitSix() {
        api.transport.answer(200, "{\"pageNumber\":1}");
        assertThatThrownBy(() -> read(AuditSettings.defaults().filter(), AuditLimits.defaults()))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).isEqualTo("POST /api/v2/audits/query/realtime answered with no "
                            + "'entities' list (not the audit page the API should return)");
                });
    }

    @Test
    void moreThanFourteenDaysBackIsRefusedBeforeAnyRequestPointingToAsync() {
        AuditQuery query = new AuditQuery(T.minus(Duration.ofDays(20)), T, AuditSettings.defaults().filter(),
                AuditLimits.defaults());
        assertThatThrownBy(() -> new AuditReader(new RealtimeAuditSource(api.client), api.clock).read(query,
                Cancellation.never(), progress::add)).isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("the real-time audit query reaches 14 days back at most, "
                            + "and 2026-04-11T12:00:00.000Z is 20 days back; use --source async for older events");
                });
        assertThat(api.sent()).isEmpty();
    }

    @Test
    void exactlyFourteenDaysBackIsMovedJustInsideTheReach() {
        api.transport.answer(200, realtimePage(1, 100, 0, List.of()));
        AuditQuery query = new AuditQuery(T.minus(Duration.ofDays(14)), T, AuditSettings.defaults().filter(),
                AuditLimits.defaults());
        new AuditReader(new RealtimeAuditSource(api.client), api.clock).read(query, Cancellation.never(),
                progress::add);
        assertThat(api.bodies().get(0).get("interval").asString())
                .isEqualTo("2026-04-17T12:01:00.000Z/2026-05-01T12:00:00.000Z");
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("reaches 14 days back; starting at "
                + "2026-04-17T12:01:00.000Z"));
    }

    @Test
    void aRefusalIsTheApisLineWithExitFive() {
        api.transport.answer(400, "{\"message\":\"serviceName Nope is not a service\",\"code\":\"bad.request\","
                + "\"status\":400,\"contextId\":\"ctx-1\"}");
        assertThatThrownBy(() -> read(AuditSettings.defaults().filter(), AuditLimits.defaults()))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.API_REFUSED);
                    assertThat(e.getMessage()).contains("400 bad.request: serviceName Nope is not a service")
                            .contains("contextId ctx-1");
                });
    }
}
