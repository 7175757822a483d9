package io.gctls.api;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * What every connection of the process shares (docs/reliability.md "One client, bounded waits"): one Vert.x instance and its one
 * WebClient, the timer-based waiter, the clock, and the per-host circuit breakers. Built on first
 * use, so commands that never call the API (cert inspect) do not pay for Vert.x at start-up.
 */
public final class ApiRuntime implements AutoCloseable {

    private final Vertx vertx;
    private final HttpTransport transport;
    private final Waiter waiter;
    private final Clock clock;
    private final Circuits circuits;
    private final RandomGenerator random;

    public ApiRuntime(Vertx vertx, HttpTransport transport, Waiter waiter, Clock clock, Circuits circuits,
            RandomGenerator random) {
        this.vertx = vertx;
        this.transport = transport;
        this.waiter = waiter;
        this.clock = clock;
        this.circuits = circuits;
        this.random = random;
    }

    /** The product's runtime: real timers, real network. */
    public static ApiRuntime create(Clock clock, String userAgent) {
        RetrySettings defaults = RetrySettings.defaults();
        Vertx vertx = Vertx.vertx();
        return new ApiRuntime(vertx, new VertxHttpTransport(vertx, defaults.connectTimeout(), userAgent),
                Waiter.vertx(vertx), clock, new Circuits(vertx, clock, defaults.breakerMaxFailures(),
                        defaults.breakerReset()), new SplittableRandom());
    }

    public RequestExecutor executor(RetrySettings settings) {
        return new RequestExecutor(transport, waiter, clock, settings, circuits, random);
    }

    /**
     * An executor whose transport and waiter are wrapped, e.g. by a rotation that watches every
     * answer's rate-limit headers and paces its sends; the circuits and the clock are the process's.
     */
    public RequestExecutor executor(RetrySettings settings, UnaryOperator<HttpTransport> transportWrapper,
            UnaryOperator<Waiter> waiterWrapper) {
        return new RequestExecutor(transportWrapper.apply(transport), waiterWrapper.apply(waiter), clock, settings,
                circuits, random);
    }

    public Vertx vertx() {
        return vertx;
    }

    public Clock clock() {
        return clock;
    }

    public Circuits circuits() {
        return circuits;
    }

    @Override
    public void close() {
        if (transport instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing on the way out
            }
        }
        try {
            vertx.close().await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            // the process is exiting: a slow Vert.x shutdown must not hold it up
        }
    }
}
