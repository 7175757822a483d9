package io.gctls.shell;

import io.gctls.api.WaitNotice;
import io.gctls.core.DaemonThreads;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One line at the bottom of a terminal's stderr that counts down a wait ("429 on POST
 * /api/v2/customdomains, retrying in 12 s (Retry-After), attempt 3 of 6") and disappears when the
 * wait is over, when the command ends, or before any other line is written. Only ever used at a
 * terminal: a log or a pipe gets nothing from it, and stdout is never touched.
 */
final class StatusLine {

    /** Carriage return, then erase to the end of the line (ANSI EL). */
    static final String CLEAR = "\r\033[K";

    private static final ScheduledExecutorService TICKS =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("gctls-status-line"));

    private final PrintWriter err;
    private final LongSupplier nanos;
    private WaitNotice notice;
    private long startedNanos;
    private ScheduledFuture<?> ticking;
    private boolean shown;

    StatusLine(PrintWriter err, LongSupplier nanos) {
        this.err = err;
        this.nanos = nanos;
    }

    StatusLine(PrintWriter err) {
        this(err, System::nanoTime);
    }

    /** Shows the wait and keeps counting it down once a second until it is over. */
    synchronized void countDown(WaitNotice wait) {
        stopTicking();
        notice = wait;
        startedNanos = nanos.getAsLong();
        render();
        ticking = TICKS.scheduleAtFixedRate(this::render, 1, 1, TimeUnit.SECONDS);
    }

    /** Shows {@code text} as the line (a long run's progress), until the next line, wait or clear. */
    synchronized void show(String text) {
        stopTicking();
        notice = null;
        err.print(CLEAR + text);
        err.flush();
        shown = true;
    }

    /** Redraws the line with what is left of the wait; clears it when nothing is. */
    synchronized void render() {
        if (notice == null) {
            return;
        }
        Duration left = notice.delay().minusNanos(nanos.getAsLong() - startedNanos);
        if (left.isNegative() || left.isZero()) {
            clear();
            return;
        }
        err.print(CLEAR + notice.describe(left));
        err.flush();
        shown = true;
    }

    /** Removes the line (before another line is written, and when the command ends). */
    synchronized void clear() {
        stopTicking();
        notice = null;
        if (shown) {
            err.print(CLEAR);
            err.flush();
            shown = false;
        }
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }
}
