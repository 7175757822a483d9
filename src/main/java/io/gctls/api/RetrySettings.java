package io.gctls.api;

import java.time.Duration;

/**
 * The limits of docs/reliability.md "The retry budget", configurable per profile: attempts and total time per request, the cap
 * on any single wait, the exponential backoff's base and ceiling, timeouts, the circuit breaker,
 * and how full the rate-limit window may get before requests are spread out.
 */
public record RetrySettings(int maxAttempts, Duration maxTotal, Duration maxWait, Duration backoffBase,
        Duration backoffCap, Duration connectTimeout, Duration requestTimeout, int breakerMaxFailures,
        Duration breakerReset, double paceThreshold) {

    public static RetrySettings defaults() {
        return new RetrySettings(6, Duration.ofMinutes(3), Duration.ofSeconds(60), Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30), 5, Duration.ofSeconds(30),
                0.8);
    }

    public RetrySettings withMaxAttempts(int attempts) {
        return new RetrySettings(attempts, maxTotal, maxWait, backoffBase, backoffCap, connectTimeout, requestTimeout,
                breakerMaxFailures, breakerReset, paceThreshold);
    }

    public RetrySettings withMaxTotal(Duration total) {
        return new RetrySettings(maxAttempts, total, maxWait, backoffBase, backoffCap, connectTimeout, requestTimeout,
                breakerMaxFailures, breakerReset, paceThreshold);
    }

    public RetrySettings withMaxWait(Duration wait) {
        return new RetrySettings(maxAttempts, maxTotal, wait, backoffBase, backoffCap, connectTimeout, requestTimeout,
                breakerMaxFailures, breakerReset, paceThreshold);
    }

    public RetrySettings withRequestTimeout(Duration timeout) {
        return new RetrySettings(maxAttempts, maxTotal, maxWait, backoffBase, backoffCap, connectTimeout, timeout,
                breakerMaxFailures, breakerReset, paceThreshold);
    }

    public RetrySettings withBreaker(int failures, Duration reset) {
        return new RetrySettings(maxAttempts, maxTotal, maxWait, backoffBase, backoffCap, connectTimeout,
                requestTimeout, failures, reset, paceThreshold);
    }
}
