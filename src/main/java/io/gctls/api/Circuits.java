package io.gctls.api;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One Vert.x circuit breaker per host (docs/reliability.md "What is retried", circuit breaker): after {@code maxFailures} consecutive failures
 * (5xx answers, resets, timeouts, refused connections) it opens, and requests to that host fail
 * fast until {@code reset} has passed; then one request is let through to test the water, and a
 * failure opens the circuit again at once. A 4xx or 429 is an answer, not an outage, and clears
 * the count.
 *
 * <p>The Vert.x breaker counts and opens; when it may half-open is decided here on the injected
 * clock rather than by the breaker's own wall-clock timer, so that it agrees with every other wait
 * of gctls (and with the test clock, which never sleeps). Half-opening is done with public API only:
 * a fresh closed breaker, marked as probing.
 */
public final class Circuits {

    private final Vertx vertx;
    private final Clock clock;
    private final int maxFailures;
    private final Duration reset;
    private final Map<String, Circuit> byHost = new ConcurrentHashMap<>();

    public Circuits(Vertx vertx, Clock clock, int maxFailures, Duration reset) {
        this.vertx = vertx;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.reset = reset;
    }

    public Circuit forHost(String host) {
        return byHost.computeIfAbsent(host, Circuit::new);
    }

    /** Closes every breaker, e.g. between test scenarios or after {@code sandbox fault clear}. */
    public void resetAll() {
        byHost.values().forEach(Circuit::close);
    }

    private CircuitBreaker newBreaker(String host) {
        CircuitBreakerOptions options = new CircuitBreakerOptions()
                .setMaxFailures(maxFailures)
                .setTimeout(-1) // the transport enforces its own request timeout
                .setResetTimeout(-1) // half-opening is decided on the injected clock, see the class comment
                .setFailuresRollingWindow(Math.max(60_000, reset.toMillis() * 2))
                .setNotificationAddress(null)
                .setMaxRetries(0);
        return CircuitBreaker.create("gctls-" + host, vertx, options);
    }

    /** A breaker, when it last opened, and whether the request now in flight is the probe. */
    public final class Circuit {
        private final String host;
        private volatile CircuitBreaker breaker;
        private volatile Instant openedAt = Instant.EPOCH;
        private volatile boolean probing;

        private Circuit(String host) {
            this.host = host;
            this.breaker = watched(newBreaker(host));
        }

        /** Runs one attempt through the breaker; a failed future counts as a failure. */
        public <T> Future<T> execute(Supplier<Future<T>> attempt) {
            halfOpenIfDue();
            CircuitBreaker current = breaker;
            boolean probe = probing;
            return current.execute(attempt).andThen(result -> {
                if (probe) {
                    probing = false;
                    if (result.failed() && !(result.cause() instanceof io.vertx.circuitbreaker.OpenCircuitException)) {
                        current.open(); // the probe failed: open again for a whole reset period
                    }
                }
            });
        }

        public boolean isOpen() {
            return breaker.state() == CircuitBreakerState.OPEN && clock.instant().isBefore(nextTry());
        }

        public String host() {
            return host;
        }

        public Instant nextTry() {
            return openedAt.plus(reset);
        }

        public int maxFailures() {
            return maxFailures;
        }

        private synchronized void halfOpenIfDue() {
            if (breaker.state() == CircuitBreakerState.OPEN && !clock.instant().isBefore(nextTry())) {
                breaker = watched(newBreaker(host));
                probing = true;
            }
        }

        synchronized void close() {
            breaker = watched(newBreaker(host));
            probing = false;
        }

        private CircuitBreaker watched(CircuitBreaker fresh) {
            return fresh.openHandler(v -> openedAt = clock.instant());
        }
    }
}
