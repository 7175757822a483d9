package io.gctls.api;

import java.util.Optional;

/**
 * What one answer's {@code inin-ratelimit-*} headers say about the token's rate-limit window: the
 * requests it allows per window, those counted so far, and the seconds until the window resets
 * (docs/api.md). Read here once for every pacer (the executor's and a rotation's).
 */
public record RateLimitHeaders(long allowed, long count, long resetSeconds) {

    /** The three headers, when the answer carries all of them as numbers; empty otherwise. */
    public static Optional<RateLimitHeaders> of(RawResponse response) {
        Optional<Long> allowed = number(response, "inin-ratelimit-allowed");
        Optional<Long> count = number(response, "inin-ratelimit-count");
        Optional<Long> reset = number(response, "inin-ratelimit-reset");
        if (allowed.isEmpty() || count.isEmpty() || reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimitHeaders(allowed.get(), count.get(), reset.get()));
    }

    private static Optional<Long> number(RawResponse response, String header) {
        return response.header(header).flatMap(value -> {
            try {
                return Optional.of((long) Double.parseDouble(value));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
