package io.gctls.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Genesys Cloud's per-token rate limit as the emulator plays it: a fixed window per token that
 * opens at the token's first request. Not thread-safe.
 */
final class RateLimiter {

    static final Duration WINDOW = Duration.ofSeconds(60);

    /** The outcome of one request: its place in the window, and whether it is over the limit. */
    record Decision(int allowed, int count, long resetSeconds, boolean exceeded) {
    }

    private record Window(Instant start, int count) {
    }

    private final Map<String, Window> windows = new HashMap<>();

    Decision hit(String token, Instant now, int allowed) {
        Window window = windows.get(token);
        if (window == null || !now.isBefore(window.start().plus(WINDOW))) {
            window = new Window(now, 0);
        }
        window = new Window(window.start(), window.count() + 1);
        windows.put(token, window);
        long millisLeft = Duration.between(now, window.start().plus(WINDOW)).toMillis();
        long resetSeconds = Math.max(1, (millisLeft + 999) / 1000);
        return new Decision(allowed, window.count(), resetSeconds, window.count() > allowed);
    }

    void clear() {
        windows.clear();
    }
}
