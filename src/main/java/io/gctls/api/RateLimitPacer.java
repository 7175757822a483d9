package io.gctls.api;

import java.time.Duration;
import java.time.Instant;

/**
 * Paces requests from the {@code inin-ratelimit-*} headers so that 429s stay rare (docs/reliability.md "What is retried", pacing).
 * Below {@code threshold} of the window's allowance requests go at once; above it the remaining
 * allowance is spread evenly over what is left of the window; with none left, the next request
 * waits for the window to reset. One pacer per token: Genesys limits per token.
 */
public final class RateLimitPacer {

    private final double threshold;
    private Window window;

    private record Window(long allowed, long count, Instant resetsAt) {
    }

    public RateLimitPacer(double threshold) {
        this.threshold = threshold;
    }

    /** Learns the window from an answer's headers; answers without them change nothing. */
    public synchronized void observe(RawResponse response, Instant now) {
        RateLimitHeaders.of(response).filter(h -> h.allowed() > 0).ifPresent(h ->
                window = new Window(h.allowed(), h.count(), now.plusSeconds(Math.max(0, h.resetSeconds()))));
    }

    /** How long to hold the next request back; zero when the window has room. */
    public synchronized Duration delayBeforeNext(Instant now) {
        if (window == null || !now.isBefore(window.resetsAt)) {
            return Duration.ZERO;
        }
        long remaining = window.allowed - window.count;
        Duration untilReset = Duration.between(now, window.resetsAt);
        if (remaining <= 0) {
            return untilReset;
        }
        if ((double) window.count / window.allowed < threshold) {
            return Duration.ZERO;
        }
        // one request more is about to be spent: count it so that the next delay is computed on it
        window = new Window(window.allowed, window.count + 1, window.resetsAt);
        return untilReset.dividedBy(remaining);
    }
}
