package io.gctls.audit;

import io.gctls.api.ApiClient;
import io.gctls.api.Progress;
import io.gctls.api.Waits;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code audit tail}: reads the recent events, then (following) polls every interval and hands each
 * new event to the sink exactly once, oldest first.
 *
 * <p>Nothing is lost between polls or at page boundaries: every poll reads its whole window (all
 * pages, see {@link AuditReader}) and the window of the next poll starts {@link #overlap} before
 * the previous poll's end, so an event stored late or stamped a little in the past is still caught;
 * what two windows share is dropped by id ({@link SeenIds}). A poll that fails after the client's
 * own retries (exit 6: 5xx, network, open circuit) is noted and the tail carries on from the same
 * window start; refusals (4xx) end it. Ctrl-C ends it with exit 130, like any interrupted command.
 */
public final class AuditTail {

    /** The shortest overlap between polls; a window never reaches back past the tail's start. */
    static final Duration MIN_OVERLAP = Duration.ofMinutes(1);
    static final int SEEN_CAPACITY = 100_000;

    /** How a tail ended. */
    public record Summary(int events, int polls, int failedPolls, Duration followed, String stoppedBy) {
    }

    private final AuditReader reader;
    private final ApiClient client;
    private final Clock clock;

    public AuditTail(AuditReader reader, ApiClient client) {
        this.reader = reader;
        this.client = client;
        this.clock = client.executor().clock();
    }

    /**
     * @param query     the first window ({@code --since} to now) and the filters
     * @param follow    keep polling after the first read
     * @param interval  pause between polls
     * @param runFor    when following, stop after this long (empty: until Ctrl-C)
     */
    public Summary run(AuditQuery query, boolean follow, Duration interval, Optional<Duration> runFor,
            Cancellation cancellation, Consumer<AuditEvent> sink, Consumer<String> progress) {
        Instant began = clock.instant();
        Optional<Instant> deadline = runFor.map(began::plus);
        Duration overlap = overlap(interval);
        SeenIds seen = new SeenIds(SEEN_CAPACITY);
        Instant windowStart = query.start();
        int events = 0;
        int polls = 0;
        int failed = 0;
        try {
            while (true) {
                Instant now = clock.instant();
                polls++;
                try {
                    if (now.isAfter(windowStart)) {
                        // up to and including this millisecond: the interval is sent in whole milliseconds
                        AuditQuery window = query.between(windowStart, now.plusMillis(1));
                        AuditResult read = reader.read(window, cancellation, progress);
                        for (AuditEvent event : read.events()) {
                            if (seen.add(event)) {
                                sink.accept(event);
                                events++;
                            }
                        }
                        if (read.failure().isPresent()) {
                            throw read.failure().get(); // what was read is shown; the poll counts as failed
                        }
                    }
                    Instant next = now.minus(overlap);
                    windowStart = next.isAfter(query.start()) ? next : query.start();
                    seen.forgetBefore(windowStart);
                } catch (GctlsException e) {
                    if (!follow || e.exitCode() != ExitCode.UNAVAILABLE) {
                        throw e;
                    }
                    failed++;
                    progress.accept("poll " + polls + " failed: " + e.getMessage() + "; still following, next poll in "
                            + Waits.format(interval));
                }
                if (!follow) {
                    return new Summary(events, polls, failed, Duration.ZERO, "done");
                }
                Instant after = clock.instant();
                if (deadline.isPresent() && !after.isBefore(deadline.get())) {
                    return new Summary(events, polls, failed, Duration.between(began, after), "--for");
                }
                Duration pause = deadline.map(d -> Duration.between(after, d)).filter(d -> d.compareTo(interval) < 0)
                        .orElse(interval);
                Progress.pausing(progress, "audit tail", "next poll", pause, "(" + events + " event"
                        + (events == 1 ? "" : "s") + " in " + polls + " poll" + (polls == 1 ? "" : "s") + " so far)");
                client.pause(pause, cancellation);
            }
        } catch (GctlsException e) {
            if (e.exitCode() == ExitCode.INTERRUPTED) {
                throw new GctlsException(ExitCode.INTERRUPTED, "audit tail stopped by Ctrl-C after " + events
                        + " event" + (events == 1 ? "" : "s") + " in " + polls + " poll" + (polls == 1 ? "" : "s"), e);
            }
            throw e;
        }
    }

    /** Twice the interval, and at least a minute: audit events can be stored a little after their date. */
    static Duration overlap(Duration interval) {
        Duration twice = interval.multipliedBy(2);
        return twice.compareTo(MIN_OVERLAP) > 0 ? twice : MIN_OVERLAP;
    }
}
