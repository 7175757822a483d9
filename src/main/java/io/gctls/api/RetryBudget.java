package io.gctls.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How much trying one operation may do: a number of attempts and a total time, both from
 * {@link RetrySettings}, counted from when the operation began. The one place that decides
 * whether another try fits, for a single request's retries ({@link RequestExecutor}) and for a
 * deploy's creates and reconciling lookups alike (see docs/reliability.md).
 */
public final class RetryBudget {

    private final RetrySettings settings;
    private final Clock clock;
    private final Instant started;

    private RetryBudget(RetrySettings settings, Clock clock, Instant started) {
        this.settings = settings;
        this.clock = clock;
        this.started = started;
    }

    /** A budget starting now. */
    public static RetryBudget start(RetrySettings settings, Clock clock) {
        return new RetryBudget(settings, clock, clock.instant());
    }

    /** True when, after {@code attemptsMade} tries, one more after waiting {@code wait} stays within both bounds. */
    public boolean allows(int attemptsMade, Duration wait) {
        return attemptsMade < settings.maxAttempts() && spent().plus(wait).compareTo(settings.maxTotal()) <= 0;
    }

    /** True when waiting {@code wait} (and trying after it) still ends within the total time. */
    public boolean hasTimeFor(Duration wait) {
        return spent().plus(wait).compareTo(settings.maxTotal()) <= 0;
    }

    public Duration spent() {
        return Duration.between(started, clock.instant());
    }

    public Instant started() {
        return started;
    }

    public int maxAttempts() {
        return settings.maxAttempts();
    }
}
