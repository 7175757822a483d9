package io.gctls.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
        Optional<Long> allowed = number(response, "inin-ratelimit-allowed");
        Optional<Long> count = number(response, "inin-ratelimit-count");
        Optional<Long> reset = number(response, "inin-ratelimit-reset");
        if (allowed.isPresent() && count.isPresent() && reset.isPresent() && allowed.get() > 0) {
            window = new Window(allowed.get(), count.get(), now.plusSeconds(Math.max(0, reset.get())));
        }
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

    private static Optional<Long> number(RawResponse response, String header) {
        return response.header(header).flatMap(v -> {
            try {
                return Optional.of((long) Double.parseDouble(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
