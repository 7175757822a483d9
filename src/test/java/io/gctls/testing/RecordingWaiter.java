package io.gctls.testing;

import io.gctls.api.Waiter;
import io.gctls.core.Cancellation;
import io.gctls.core.GctlsException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link Waiter} that does not wait: it records each requested wait and moves the clock on by
 * it, so tests assert backoff and Retry-After on the clock, never on wall time.
 */
public final class RecordingWaiter implements Waiter {

    private final MutableClock clock;
    private final List<Duration> waits = new ArrayList<>();
    private final List<Consumer<Duration>> listeners = new CopyOnWriteArrayList<>();

    public RecordingWaiter(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public Future<Void> waitFor(Duration duration, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            return Future.failedFuture(GctlsException.interrupted("wait"));
        }
        if (!duration.isZero() && !duration.isNegative()) {
            synchronized (this) {
                waits.add(duration);
                clock.advance(duration);
            }
            listeners.forEach(listener -> listener.accept(duration));
        }
        // a listener may have pressed Ctrl-C "during" the wait: end it as the product's timer would
        return cancellation.isCancelled() ? Future.failedFuture(GctlsException.interrupted("wait"))
                : Future.succeededFuture();
    }

    /**
     * Runs {@code listener} after each recorded wait, once the clock has moved: what happens "while"
     * gctls waits (an audit event arriving during {@code audit tail}). {@link #clear} removes it.
     */
    public void onEachWait(Consumer<Duration> listener) {
        listeners.add(listener);
    }

    /** The non-zero waits, in order. */
    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }

    public synchronized Duration total() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    public synchronized void clear() {
        waits.clear();
        listeners.clear();
    }
}
