package io.gctls.rotate;

import io.gctls.api.HttpTransport;
import io.gctls.api.RateLimitHeaders;
import io.gctls.api.RateLimitWait;
import io.gctls.api.RawResponse;
import io.gctls.api.Waiter;
import io.gctls.api.Waits;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches every answer of a rotation's requests: it feeds the rate-limit headers to the
 * {@link Pacer}, counts requests and 429s, and parks the rotation when a 429 asks for a wait
 * longer than the maximum (a daily quota answers with hours): from then on every wait of the
 * rotation's executor fails at once with {@link Parked}, so nothing more is sent and no thread
 * sleeps for hours. It wraps the executor's transport and waiter
 * ({@link io.gctls.api.ApiRuntime#executor(io.gctls.api.RetrySettings, java.util.function.UnaryOperator,
 * java.util.function.UnaryOperator)}); the long 429 itself is handed on unchanged, so the circuit
 * breaker does not count it as an outage.
 */
public final class RateWatch {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The rotation is parked: the API asked for a longer wait than the rotation may spend. */
    public static final class Parked extends GctlsException {
        private final Instant until;

        Parked(Instant until, String why) {
            super(ExitCode.UNAVAILABLE, why);
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }

    private final Pacer pacer;
    private final Clock clock;
    private final Duration maxWait;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicReference<Parked> parked = new AtomicReference<>();

    public RateWatch(Pacer pacer, Clock clock, Duration maxWait) {
        this.pacer = pacer;
        this.clock = clock;
        this.maxWait = maxWait;
    }

    public Pacer pacer() {
        return pacer;
    }

    /** The executor's transport, watched. */
    public HttpTransport transport(HttpTransport inner) {
        return request -> {
            Parked stop = parked.get();
            if (stop != null) {
                return Future.failedFuture(stop);
            }
            requests.incrementAndGet();
            return inner.send(request).map(response -> {
                observe(response);
                return response;
            });
        };
    }

    /** The executor's waiter: once parked, every wait (and so every further attempt) fails at once. */
    public Waiter waiter(Waiter inner) {
        return (duration, cancellation) -> {
            Parked stop = parked.get();
            return stop != null ? Future.failedFuture(stop) : inner.waitFor(duration, cancellation);
        };
    }

    private void observe(RawResponse response) {
        Instant now = clock.instant();
        RateLimitHeaders.of(response).ifPresent(h -> pacer.observe(h.allowed(), h.count(), h.resetSeconds(), now));
        if (response.status() != 429) {
            return;
        }
        rateLimited.incrementAndGet();
        Optional<RateLimitWait.Advice> advice = RateLimitWait.of(response, now);
        if (advice.isEmpty()) {
            return; // the executor backs off; nothing says how long the API wants
        }
        Duration wait = advice.get().delay();
        Instant until = now.plus(wait);
        if (wait.compareTo(maxWait) > 0) {
            parked.compareAndSet(null, new Parked(until, "the API asked to wait " + Waits.format(wait) + " ("
                    + advice.get().source() + "), longer than the maximum wait of " + Waits.format(maxWait)
                    + "; parked until " + CLOCK_TIME.format(until)));
        } else {
            pacer.holdUntil(until);
        }
    }

    /** Requests sent on the wire so far. */
    public int requests() {
        return requests.get();
    }

    /** 429 answers so far. */
    public int rateLimited() {
        return rateLimited.get();
    }

    public Optional<Parked> parked() {
        return Optional.ofNullable(parked.get());
    }
}
