package io.gctls.api;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * the n-th retry waits a uniformly random time in {@code [0, min(cap, base * 2^(n-1))]}, so that
 * many clients hit by the same outage do not come back in lock-step.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The ceiling of the n-th retry's wait (n starts at 1). */
    public Duration ceiling(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        long millis = base.toMillis() << doublings;
        return Duration.ofMillis(Math.min(cap.toMillis(), millis < 0 ? Long.MAX_VALUE : millis));
    }

    /** The n-th retry's wait: uniform in [0, ceiling(n)]. */
    public Duration delay(int retry) {
        long ceiling = ceiling(retry).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
