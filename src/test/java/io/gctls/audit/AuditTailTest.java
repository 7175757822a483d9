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
import io.gctls.testing.RecordingProgress;
import io.gctls.testing.ScriptedApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The tail: overlapping polls, each event once, failures survived, --for and Ctrl-C. */
class AuditTailTest {

    private static final Duration FIVE = Duration.ofSeconds(5);
    private final List<AuditEvent> printed = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    private static AuditQuery sinceTenMinutes() {
        return new AuditQuery(T.minus(Duration.ofMinutes(10)), T, AuditSettings.defaults().filter(),
                AuditLimits.defaults());
    }

    private static String page(Map<String, Object>... events) {
        return realtimePage(1, 100, 1, List.of(events));
    }

    private AuditTail.Summary tail(ScriptedApi api, boolean follow, Optional<Duration> runFor,
            Cancellation cancellation) {
        return tail(api, follow, runFor, cancellation, progress::add);
    }

    private AuditTail.Summary tail(ScriptedApi api, boolean follow, Optional<Duration> runFor,
            Cancellation cancellation, Consumer<String> listener) {
        AuditTail tail = new AuditTail(new AuditReader(new RealtimeAuditSource(api.client), api.clock), api.client);
        return tail.run(sinceTenMinutes(), follow, FIVE, runFor, cancellation, printed::add, listener);
    }

    @Test
    void thePauseBetweenPollsIsACountdownAtATerminalAndNoLine() {
        ScriptedApi api = AuditFixtures.api();
        var e1 = message("e-1", T.minusSeconds(30), "Create", "d-1");
        api.transport.thenAlways(200, page(e1));
        RecordingProgress terminal = new RecordingProgress();
        tail(api, true, Optional.of(Duration.ofSeconds(12)), Cancellation.never(), terminal);
        assertThat(terminal.waits()).extracting(WaitNotice::delay)
                .containsExactly(FIVE, FIVE, Duration.ofSeconds(2));
        assertThat(terminal.waits()).extracting(WaitNotice::describe).containsExactly(
                "audit tail: next poll in 5 s (1 event in 1 poll so far)",
                "audit tail: next poll in 5 s (1 event in 2 polls so far)",
                "audit tail: next poll in 2 s (1 event in 3 polls so far)");
        assertThat(terminal.lines()).isEmpty();
    }

    @Test
    void eventsArrivingWhileFollowingArePrintedOnceEach() {
        ScriptedApi api = AuditFixtures.api();
        var e1 = message("e-1", T.minusSeconds(30), "Create", "d-1");
        var e2 = message("e-2", T.plusSeconds(2), "Update", "d-1");
        var e3 = message("e-3", T.plusSeconds(7), "Update", "d-1");
        api.transport.answer(200, page(e1)).answer(200, page(e1, e2)).answer(200, page(e1, e2, e3));
        AuditTail.Summary summary = tail(api, true, Optional.of(Duration.ofSeconds(10)), Cancellation.never());
        assertThat(printed).extracting(AuditEvent::id).containsExactly("e-1", "e-2", "e-3");
        assertThat(summary.events()).isEqualTo(3);
        assertThat(summary.polls()).isEqualTo(3);
        assertThat(summary.stoppedBy()).isEqualTo("--for");
        assertThat(api.waiter.waits()).containsExactly(FIVE, FIVE);
        assertThat(api.bodies()).extracting(b -> b.get("interval").asString()).containsExactly(
                "2026-05-01T11:50:00.000Z/2026-05-01T12:00:00.001Z",
                "2026-05-01T11:59:00.000Z/2026-05-01T12:00:05.001Z",
                "2026-05-01T11:59:05.000Z/2026-05-01T12:00:10.001Z");
    }

    @Test
    void aPollThatStillFailsAfterRetriesIsNotedAndTheNextOneCoversItsWindow() {
        ScriptedApi api = AuditFixtures.api(RetrySettings.defaults().withMaxAttempts(1));
        var e1 = message("e-1", T.minusSeconds(30), "Create", "d-1");
        var e2 = message("e-2", T.plusSeconds(3), "Update", "d-1");
        api.transport.answer(200, page(e1))
                .answer(503, "{\"message\":\"down\",\"code\":\"service.unavailable\",\"status\":503}")
                .answer(200, page(e1, e2));
        AuditTail.Summary summary = tail(api, true, Optional.of(Duration.ofSeconds(10)), Cancellation.never());
        assertThat(printed).extracting(AuditEvent::id).containsExactly("e-1", "e-2");
        assertThat(summary.failedPolls()).isEqualTo(1);
        assertThat(progress).anySatisfy(l -> assertThat(l).startsWith("poll 2 failed: POST "
                + "/api/v2/audits/query/realtime failed: 503 service.unavailable: down").endsWith("still following, "
                + "next poll in 5.0 s"));
        assertThat(api.bodies().get(2).get("interval").asString())
                .isEqualTo("2026-05-01T11:59:00.000Z/2026-05-01T12:00:10.001Z");
    }

    @Test
    void aRefusalEndsTheTail() {
        ScriptedApi api = AuditFixtures.api();
        api.transport.answer(200, page()).answer(403, "{\"message\":\"Missing audits:audit:view\",\"code\":"
                + "\"missing.permissions\",\"status\":403}");
        assertThatThrownBy(() -> tail(api, true, Optional.empty(), Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH);
                    assertThat(e.getMessage()).contains("Missing audits:audit:view");
                });
    }

    @Test
    void ctrlCStopsItWithExit130SayingWhatItPrinted() {
        ScriptedApi api = AuditFixtures.api();
        api.transport.thenAlways(200, page(message("e-1", T.minusSeconds(30), "Create", "d-1")));
        Cancellation cancellation = Cancellation.create();
        AuditTail tail = new AuditTail(new AuditReader(new RealtimeAuditSource(api.client), api.clock), api.client);
        assertThatThrownBy(() -> tail.run(sinceTenMinutes(), true, FIVE, Optional.empty(), cancellation, event -> {
            printed.add(event);
            cancellation.cancel();
        }, progress::add)).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(e.getMessage()).isEqualTo("audit tail stopped by Ctrl-C after 1 event in 1 poll");
        });
        assertThat(printed).hasSize(1);
    }

    @Test
    void withoutFollowItReadsOnceAndDoesNotWait() {
        ScriptedApi api = AuditFixtures.api();
        api.transport.answer(200, page(message("e-1", T.minusSeconds(30), "Create", "d-1")));
        AuditTail.Summary summary = tail(api, false, Optional.empty(), Cancellation.never());
        assertThat(summary.polls()).isEqualTo(1);
        assertThat(printed).hasSize(1);
        assertThat(api.waiter.waits()).isEmpty();
    }

    @Test
    void withoutFollowAFailureIsTheCommandsFailure() {
        ScriptedApi api = AuditFixtures.api(RetrySettings.defaults().withMaxAttempts(1));
        api.transport.answer(503, "{}");
        assertThatThrownBy(() -> tail(api, false, Optional.empty(), Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE));
    }

    @Test
    void theLastPauseIsCutToTheDeadline() {
        ScriptedApi api = AuditFixtures.api();
        api.transport.thenAlways(200, page());
        tail(api, true, Optional.of(Duration.ofSeconds(12)), Cancellation.never());
        assertThat(api.waiter.waits()).containsExactly(FIVE, FIVE, Duration.ofSeconds(2));
    }

    @Test
    void theOverlapIsTwoIntervalsAndAtLeastAMinute() {
        assertThat(AuditTail.overlap(FIVE)).isEqualTo(Duration.ofMinutes(1));
        assertThat(AuditTail.overlap(Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(4));
    }
}
