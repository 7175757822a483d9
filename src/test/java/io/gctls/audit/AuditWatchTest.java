package io.gctls.audit;

import static io.gctls.audit.AuditFixtures.T;
import static io.gctls.audit.AuditFixtures.message;
import static io.gctls.audit.AuditFixtures.realtimePage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.api.RetrySettings;
import io.gctls.api.WaitNotice;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.gctls.testing.RecordingProgress;
import io.gctls.testing.ScriptedApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The deploy's wait for its audit event: found, found late, never found, failures on the way. */
class AuditWatchTest {

    private static final Instant DEPLOYED = T.minusSeconds(2);
    private final Metrics metrics = new Metrics();
    private final List<String> progress = new ArrayList<>();

    private static String page(Map<String, Object>... events) {
        return realtimePage(1, 100, 1, List.of(events));
    }

    private Optional<AuditSighting> watch(ScriptedApi api, Set<String> actions, Duration timeout) {
        AuditWatch watch = AuditWatch.realtime(api.client, AuditSettings.defaults(), metrics);
        return watch.waitFor("d-1", actions, DEPLOYED, timeout, Cancellation.never(), progress::add);
    }

    @Test
    void theEventOnTheFirstPollIsReturnedWithItsLatencies() {
        ScriptedApi api = AuditFixtures.api();
        api.transport.answer(200, page(message("e-1", T.minusSeconds(1), "Create", "d-1")));
        AuditSighting seen = watch(api, Set.of("Create"), Duration.ofMinutes(2)).orElseThrow();
        assertThat(seen.event().id()).isEqualTo("e-1");
        assertThat(seen.eventLatency()).isEqualTo(Duration.ofSeconds(1));
        assertThat(seen.seenAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(seen.polls()).isEqualTo(1);
        var body = api.bodies().get(0);
        assertThat(body.get("interval").asString()).isEqualTo("2026-05-01T11:59:53.000Z/2026-05-01T12:00:00.001Z");
        assertThat(body.at("/filters/0/property").asString()).isEqualTo("EntityId");
        assertThat(body.at("/filters/0/value").asString()).isEqualTo("d-1");
        assertThat(body.at("/filters/1/value").asString()).isEqualTo("Create");
        assertThat(metrics.snapshot()).singleElement().satisfies(step -> {
            assertThat(step.step()).isEqualTo("audit");
            assertThat(step.count()).isEqualTo(1);
            assertThat(step.maxMs()).isBetween(1990.0, 2010.0);
        });
    }

    @Test
    void anEventThatShowsUpLaterIsPolledFor() {
        ScriptedApi api = AuditFixtures.api();
        api.transport.answer(200, page()).answer(200, page())
                .answer(200, page(message("e-9", T.plusSeconds(8), "Update", "d-1")));
        AuditSighting seen = watch(api, Set.of("Update"), Duration.ofMinutes(2)).orElseThrow();
        assertThat(seen.polls()).isEqualTo(3);
        assertThat(seen.seenAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(seen.eventLatency()).isEqualTo(Duration.ofSeconds(10));
        assertThat(api.waiter.waits()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void withSeveralActionsTheEarliestMatchingEventOfTheEntityWins() {
        ScriptedApi api = AuditFixtures.api();
        api.transport.answer(200, page(message("delete", T.minusSeconds(1), "Delete", "d-1"),
                message("other-entity", T.minusMillis(900), "Update", "d-2"),
                message("update", T.minusMillis(500), "Update", "d-1"),
                message("create-later", T.minusMillis(100), "Create", "d-1")));
        AuditSighting seen = watch(api, Set.of("Create", "update"), Duration.ofMinutes(2)).orElseThrow();
        assertThat(seen.event().id()).isEqualTo("update");
        assertThat(api.bodies().get(0).get("filters")).hasSize(1);
    }

    @Test
    void anEventWithinTheClockSkewAllowanceCountsAndAnOlderOneDoesNot() {
        ScriptedApi api = AuditFixtures.api();
        api.transport.answer(200, page(message("earlier", DEPLOYED.minusSeconds(4), "Update", "d-1")))
                .answer(200, page(message("earlier", DEPLOYED.minusSeconds(4), "Update", "d-1"),
                        message("ours", T.plusSeconds(1), "Update", "d-1")));
        // "earlier" lies inside the 5 s skew allowance: it is taken only if nothing later was there.
        assertThat(watch(api, Set.of("Update"), Duration.ofMinutes(2)).orElseThrow().event().id())
                .isEqualTo("earlier");
        ScriptedApi later = AuditFixtures.api();
        later.transport.answer(200, page(message("long-ago", DEPLOYED.minusSeconds(30), "Update", "d-1")))
                .answer(200, page(message("ours", T.plusSeconds(1), "Update", "d-1")));
        assertThat(watch(later, Set.of("Update"), Duration.ofMinutes(2)).orElseThrow().event().id())
                .isEqualTo("ours");
    }

    @Test
    void noEventWithinTheTimeoutIsEmptyAndNothingIsRecorded() {
        ScriptedApi api = AuditFixtures.api();
        api.transport.thenAlways(200, page());
        assertThat(watch(api, Set.of("Create"), Duration.ofSeconds(12))).isEmpty();
        assertThat(api.waiter.waits()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(2));
        assertThat(api.sent()).hasSize(4);
        assertThat(metrics.snapshot()).isEmpty();
        assertThat(progress).last().isEqualTo("no audit event for d-1 (Create) within 12.0 s");
    }

    @Test
    void thePausesBetweenPollsAreCountdownsAtATerminal() {
        ScriptedApi api = AuditFixtures.api();
        api.transport.thenAlways(200, page());
        RecordingProgress terminal = new RecordingProgress();
        AuditWatch watch = AuditWatch.realtime(api.client, AuditSettings.defaults(), metrics);
        assertThat(watch.waitFor("d-1", Set.of("Create"), DEPLOYED, Duration.ofSeconds(12), Cancellation.never(),
                terminal)).isEmpty();
        assertThat(terminal.waits()).extracting(WaitNotice::describe).containsExactly(
                "waiting for the Create audit event of d-1: next poll in 5 s (poll 2)",
                "waiting for the Create audit event of d-1: next poll in 5 s (poll 3)",
                "waiting for the Create audit event of d-1: next poll in 2 s (poll 4)");
        assertThat(terminal.lines()).containsExactly("no audit event for d-1 (Create) within 12.0 s");
    }

    @Test
    void anOutageDuringTheWatchIsNotedAndPolledThrough() {
        ScriptedApi api = AuditFixtures.api(RetrySettings.defaults().withMaxAttempts(1));
        api.transport.answer(502, "{\"message\":\"bad gateway\",\"status\":502}")
                .answer(200, page(message("e-1", T.plusSeconds(3), "Create", "d-1")));
        assertThat(watch(api, Set.of("Create"), Duration.ofMinutes(1))).isPresent();
        assertThat(progress).anySatisfy(l -> assertThat(l).startsWith("audit poll 1 failed: POST "
                + "/api/v2/audits/query/realtime failed: 502"));
    }

    @Test
    void noPermissionToReadTheAuditLogIsTheCallersToHandle() {
        ScriptedApi api = AuditFixtures.api();
        api.transport.answer(403, "{\"message\":\"Missing audits:audit:view\",\"code\":\"missing.permissions\","
                + "\"status\":403}");
        assertThatThrownBy(() -> watch(api, Set.of("Create"), Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(GctlsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH));
    }
}
