package io.gctls.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.testing.MutableClock;
import io.gctls.testing.ScriptedApi;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The breaker opens on the Vert.x count and half-opens on the injected clock: no sleeping here. */
class CircuitsTest {

    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-12-01T10:00:00Z"));
    private final Circuits circuits = new Circuits(ScriptedApi.sharedVertx(), clock, 3, Duration.ofSeconds(30));
    private final AtomicInteger calls = new AtomicInteger();

    private Throwable run(Circuits.Circuit circuit, boolean fail) throws Exception {
        Future<String> result = circuit.execute(() -> {
            calls.incrementAndGet();
            return fail ? Future.failedFuture(new IllegalStateException("down")) : Future.succeededFuture("ok");
        });
        try {
            result.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    /** As many failures in a row as the breaker allows. */
    private void failThreeTimes(Circuits.Circuit circuit) throws Exception {
        for (int i = 0; i < 3; i++) {
            run(circuit, true);
        }
    }

    @Test
    void opensAfterTheFailuresInARowAndThenFailsFastWithoutCalling() throws Exception {
        Circuits.Circuit circuit = circuits.forHost("api.example.test");
        failThreeTimes(circuit);
        assertThat(circuit.isOpen()).isTrue();
        assertThat(circuit.nextTry()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(run(circuit, false)).isInstanceOf(OpenCircuitException.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void afterTheResetPeriodOneProbeGoesThroughAndAFailedProbeOpensItAgainAtOnce() throws Exception {
        Circuits.Circuit circuit = circuits.forHost("api.example.test");
        failThreeTimes(circuit);
        clock.advance(Duration.ofSeconds(30));
        assertThat(circuit.isOpen()).isFalse();
        run(circuit, true); // the probe
        assertThat(calls).hasValue(4);
        assertThat(circuit.isOpen()).isTrue();
        assertThat(run(circuit, false)).isInstanceOf(OpenCircuitException.class);
        assertThat(calls).hasValue(4);
    }

    @Test
    void aSuccessfulProbeClosesIt() throws Exception {
        Circuits.Circuit circuit = circuits.forHost("api.example.test");
        failThreeTimes(circuit);
        clock.advance(Duration.ofSeconds(31));
        assertThat(run(circuit, false)).isNull();
        assertThat(run(circuit, true)).isInstanceOf(IllegalStateException.class); // one failure: still closed
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void aSuccessClearsTheCount() throws Exception {
        Circuits.Circuit circuit = circuits.forHost("api.example.test");
        run(circuit, true);
        run(circuit, true);
        run(circuit, false);
        run(circuit, true);
        run(circuit, true);
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void eachHostHasItsOwnBreaker() throws Exception {
        failThreeTimes(circuits.forHost("login.example.test"));
        assertThat(circuits.forHost("login.example.test").isOpen()).isTrue();
        assertThat(circuits.forHost("api.example.test").isOpen()).isFalse();
        circuits.resetAll();
        assertThat(circuits.forHost("login.example.test").isOpen()).isFalse();
    }
}
