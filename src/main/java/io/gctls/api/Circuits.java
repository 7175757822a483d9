package io.gctls.api;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One Vert.x circuit breaker per host (SPEC §5): after {@code maxFailures} consecutive failures
 * (5xx answers, resets, timeouts, refused connections) it opens, and requests to that host fail
 * fast until {@code reset} has passed; then one request is let through to test the water.
 * A 4xx or 429 is an answer, not an outage, and closes the count.
 */
public final class Circuits {

    private final Vertx vertx;
    private final Clock clock;
    private final int maxFailures;
    private final java.time.Duration reset;
    private final Map<String, Circuit> byHost = new ConcurrentHashMap<>();

    public Circuits(Vertx vertx, Clock clock, int maxFailures, java.time.Duration reset) {
        this.vertx = vertx;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.reset = reset;
    }

    public Circuit forHost(String host) {
        return byHost.computeIfAbsent(host, this::create);
    }

    /** Closes every breaker, e.g. between test scenarios or after {@code sandbox fault clear}. */
    public void resetAll() {
        byHost.values().forEach(Circuit::forceClose);
    }

    private Circuit create(String host) {
        CircuitBreakerOptions options = new CircuitBreakerOptions()
                .setMaxFailures(maxFailures)
                .setTimeout(-1) // the transport enforces its own request timeout
                .setResetTimeout(reset.toMillis())
                .setFailuresRollingWindow(Math.max(60_000, reset.toMillis() * 2))
                .setNotificationAddress(null)
                .setMaxRetries(0);
        return new Circuit(host, CircuitBreaker.create("gctls-" + host, vertx, options));
    }

    /** A breaker and when it last opened, so that a fast failure can say when the next try is. */
    public final class Circuit {
        private final String host;
        private final CircuitBreaker breaker;
        private volatile Instant openedAt = Instant.EPOCH;

        private Circuit(String host, CircuitBreaker breaker) {
            this.host = host;
            this.breaker = breaker;
            breaker.openHandler(v -> openedAt = clock.instant());
        }

        /** Runs one attempt through the breaker; a failed future counts as a failure. */
        public <T> Future<T> execute(Supplier<Future<T>> attempt) {
            return breaker.execute(attempt);
        }

        public boolean isOpen() {
            return breaker.state() == CircuitBreakerState.OPEN;
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

        void forceClose() {
            if (breaker instanceof io.vertx.circuitbreaker.impl.CircuitBreakerImpl impl) {
                impl.reset(true);
            } else {
                breaker.reset();
            }
        }
    }
}
