package io.gctls.api;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request with every rule of docs/reliability.md, without blocking a thread: pacing from the
 * rate-limit headers, the per-host circuit breaker, bearer tokens with one refresh-and-retry on
 * 401, waits on 429 (Retry-After, the message's [N], inin-ratelimit-reset, else backoff), backoff
 * on every 5xx but 501 (as Genesys Cloud's own SDKs do), resets and timeouts for requests that are
 * safe to repeat, and an {@link ApiException.Ambiguous} for a create that may have reached the
 * server. Attempts and total time are bounded by one {@link RetryBudget}; every attempt is logged
 * with its {@code inin-correlation-id}. docs/reliability.md has the rules in full.
 */
public final class RequestExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(RequestExecutor.class);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final HttpTransport transport;
    private final Waiter waiter;
    private final Clock clock;
    private final RetrySettings settings;
    private final Circuits circuits;
    private final Backoff backoff;

    public RequestExecutor(HttpTransport transport, Waiter waiter, Clock clock, RetrySettings settings,
            Circuits circuits, RandomGenerator random) {
        this.transport = transport;
        this.waiter = waiter;
        this.clock = clock;
        this.settings = settings;
        this.circuits = circuits;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap(), random);
    }

    public RetrySettings settings() {
        return settings;
    }

    public Circuits circuits() {
        return circuits;
    }

    public Clock clock() {
        return clock;
    }

    public Waiter waiter() {
        return waiter;
    }

    public Backoff backoff() {
        return backoff;
    }

    /** Where a request goes and with what: base URL, bearer tokens (null for the login call), pacer. */
    public record Target(String baseUrl, TokenSource tokens, RateLimitPacer pacer) {
        public String host() {
            URI uri = URI.create(baseUrl);
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        }
    }

    /** Sends {@code request}; {@code progress} hears about waits the user should know of (a 30 s Retry-After). */
    public Future<ApiResponse> execute(Target target, ApiRequest request, Cancellation cancellation,
            Consumer<String> progress) {
        Exchange exchange = new Exchange(target, request, cancellation, progress,
                RetryBudget.start(settings, clock));
        return attempt(exchange, Duration.ZERO, "");
    }

    /** The state of one request across its attempts. */
    private static final class Exchange {
        final Target target;
        final ApiRequest request;
        final Cancellation cancellation;
        final Consumer<String> progress;
        final RetryBudget budget;
        final List<Attempt> attempts = new ArrayList<>();
        Duration totalWait = Duration.ZERO;
        boolean tokenReplaced;
        int retries;
        String lastProblem = "";

        Exchange(Target target, ApiRequest request, Cancellation cancellation, Consumer<String> progress,
                RetryBudget budget) {
            this.target = target;
            this.request = request;
            this.cancellation = cancellation;
            this.progress = progress;
            this.budget = budget;
        }
    }

    private Future<ApiResponse> attempt(Exchange ex, Duration requestedWait, String reason) {
        if (ex.cancellation.isCancelled()) {
            return Future.failedFuture(GctlsException.interrupted(ex.request.describe()));
        }
        Duration pace = cap(ex.target.pacer().delayBeforeNext(clock.instant()));
        Duration wait = requestedWait.compareTo(pace) >= 0 ? requestedWait : pace;
        String why = wait.equals(requestedWait) ? reason : "pacing to stay under the rate limit";
        ex.totalWait = ex.totalWait.plus(wait);
        return waiter.waitFor(wait, ex.cancellation)
                .compose(v -> bearer(ex))
                .compose(token -> send(ex, token, wait, why));
    }

    private Future<String> bearer(Exchange ex) {
        return ex.target.tokens() == null ? Future.succeededFuture(null) : ex.target.tokens().accessToken(ex.progress);
    }

    private Future<ApiResponse> send(Exchange ex, String token, Duration waited, String why) {
        if (ex.cancellation.isCancelled()) {
            return Future.failedFuture(GctlsException.interrupted(ex.request.describe()));
        }
        Circuits.Circuit circuit = circuits.forHost(ex.target.host());
        RawRequest raw = raw(ex, token);
        long startedNanos = System.nanoTime();
        Future<RawResponse> answer = circuit.execute(() -> transport.send(raw).compose(response ->
                isOutage(response.status()) ? Future.failedFuture(new ServerOutage(response))
                        : Future.succeededFuture(response)));
        return answer.transform(result -> {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
            if (result.succeeded()) {
                return answered(ex, token, result.result(), elapsed, waited, why);
            }
            Throwable failure = result.cause();
            if (failure instanceof ServerOutage outage) {
                return answered(ex, token, outage.response, elapsed, waited, why);
            }
            if (failure instanceof OpenCircuitException) {
                return Future.failedFuture(circuitOpen(ex, circuit));
            }
            if (failure instanceof TransportFailure transportFailure) {
                return failedOnTheWire(ex, transportFailure, elapsed, waited, why);
            }
            if (failure instanceof GctlsException known) {
                return Future.failedFuture(known);
            }
            return failedOnTheWire(ex, VertxHttpTransport.classify(raw, failure), elapsed, waited, why);
        });
    }

    private RawRequest raw(Exchange ex, String token) {
        Map<String, String> headers = new LinkedHashMap<>(ex.request.headers());
        headers.putIfAbsent("Accept", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return new RawRequest(ex.request.method(), ex.target.baseUrl() + ex.request.path(), ex.request.query(),
                headers, ex.request.body(), settings.requestTimeout());
    }

    private Future<ApiResponse> answered(Exchange ex, String token, RawResponse response, Duration elapsed,
            Duration waited, String why) {
        Attempt attempt = record(ex, String.valueOf(response.status()), response.correlationId(), elapsed, waited,
                why);
        ex.target.pacer().observe(response, clock.instant());
        int status = response.status();
        if (status >= 400) {
            ex.lastProblem = ApiError.from(response).summary();
        }
        if (status < 400) {
            return Future.succeededFuture(new ApiResponse(ex.request.describe(), response, List.copyOf(ex.attempts),
                    ex.totalWait));
        }
        if (status == 401 && token != null && !ex.tokenReplaced && ex.request.refreshOn401()) {
            ex.tokenReplaced = true;
            LOG.info("{} answered 401; refreshing the token once and retrying", ex.request.describe());
            return ex.target.tokens().replace(token, ex.progress).compose(fresh -> attempt(ex, Duration.ZERO, "token refreshed"));
        }
        if (status == 429) {
            RateLimitWait.Advice advice = RateLimitWait.of(response, clock.instant())
                    .orElseGet(() -> new RateLimitWait.Advice(backoff.delay(ex.retries + 1), "backoff"));
            Duration wait = cap(advice.delay());
            String reason = "429, " + advice.source() + " " + Waits.format(advice.delay());
            return retryOrGiveUp(ex, wait, reason, () -> rateLimited(ex, response));
        }
        if (isOutage(status)) {
            if (ex.request.repeat() == ApiRequest.Repeat.SAFE) {
                // an outage honours Retry-After, and nothing else of the 429 rules: every Genesys answer
                // carries inin-ratelimit-reset, and waiting out a rate window is no cure for a 503
                Optional<Duration> retryAfter = response.header("Retry-After")
                        .flatMap(v -> RateLimitWait.parseRetryAfter(v, clock.instant()));
                Duration wait = retryAfter.map(this::cap).orElseGet(() -> backoff.delay(ex.retries + 1));
                return retryOrGiveUp(ex, wait, status + (retryAfter.isPresent() ? ", Retry-After " : ", backoff"),
                        () -> ApiException.refused(ex.request.describe(), response, ex.attempts));
            }
            return Future.failedFuture(ambiguous(ex, ApiError.from(response).summary(),
                    ApiError.from(response)));
        }
        return Future.failedFuture(ApiException.refused(ex.request.describe(), response, ex.attempts));
    }

    private Future<ApiResponse> failedOnTheWire(Exchange ex, TransportFailure failure, Duration elapsed,
            Duration waited, String why) {
        String outcome = switch (failure.kind()) {
            case NOT_SENT -> "not sent";
            case UNKNOWN_HOST -> "unknown host";
            case TIMEOUT -> "timeout";
            case RESET -> "reset";
        };
        record(ex, outcome, "", elapsed, waited, why);
        ex.lastProblem = failure.getMessage();
        if (failure.permanent()) {
            // a name that does not resolve will not resolve on the next try either
            return Future.failedFuture(new ApiException(ExitCode.UNAVAILABLE, failure.getMessage(), null,
                    ex.attempts));
        }
        if (failure.ambiguous() && ex.request.repeat() == ApiRequest.Repeat.NEVER_AMBIGUOUS) {
            return Future.failedFuture(ambiguous(ex, failure.getMessage(), null));
        }
        return retryOrGiveUp(ex, backoff.delay(ex.retries + 1), outcome + ", backoff",
                () -> new ApiException(ExitCode.UNAVAILABLE, failure.getMessage() + tries(ex), null, ex.attempts));
    }

    private Future<ApiResponse> retryOrGiveUp(Exchange ex, Duration wait, String reason,
            java.util.function.Supplier<ApiException> giveUp) {
        if (!ex.budget.allows(ex.attempts.size(), wait)) {
            return Future.failedFuture(giveUp.get());
        }
        Circuits.Circuit circuit = circuits.forHost(ex.target.host());
        if (circuit.isOpen() && clock.instant().plus(wait).isBefore(circuit.nextTry())) {
            return Future.failedFuture(circuitOpen(ex, circuit)); // waiting would only meet the open circuit
        }
        ex.retries++;
        if (wait.compareTo(Duration.ofSeconds(1)) > 0) {
            int comma = reason.indexOf(", ");
            Progress.waiting(ex.progress, new WaitNotice(ex.request.describe(), comma < 0 ? reason
                    : reason.substring(0, comma), comma < 0 ? "backoff" : reason.substring(comma + 2)
                    .replaceFirst(" [0-9.]+ (ms|s|min)( [0-9]+ s)?$", "").strip(), wait, ex.attempts.size() + 1,
                    settings.maxAttempts()));
        }
        return attempt(ex, wait, reason);
    }

    private Attempt record(Exchange ex, String outcome, String correlationId, Duration elapsed, Duration waited,
            String why) {
        Attempt attempt = new Attempt(ex.attempts.size() + 1, ex.request.describe(), outcome, correlationId, elapsed,
                waited, why);
        ex.attempts.add(attempt);
        LOG.info("{}", attempt.describe());
        return attempt;
    }

    private ApiException rateLimited(Exchange ex, RawResponse response) {
        ApiError error = ApiError.from(response);
        return new ApiException(ExitCode.UNAVAILABLE, ex.request.describe() + " was rate limited: " + error.summary()
                + "; gave up after " + ex.attempts.size() + " attempts over "
                + Waits.format(ex.budget.spent()), error, ex.attempts);
    }

    private ApiException ambiguous(Exchange ex, String what, ApiError error) {
        return new ApiException.Ambiguous(ex.request.describe() + " got no clear answer (" + what
                + "); it may have reached the server", error, ex.attempts);
    }

    private ApiException circuitOpen(Exchange ex, Circuits.Circuit circuit) {
        Instant next = circuit.nextTry();
        Duration in = Duration.between(clock.instant(), next);
        String when = in.isNegative() || in.isZero() ? "now" : "in " + Waits.format(in) + " (at "
                + CLOCK_TIME.format(next) + ")";
        String breaker = circuit.host() + " failed " + circuit.maxFailures() + " times in a row, so gctls stopped "
                + "calling it for now (circuit open); next try " + when;
        if (ex.attempts.isEmpty()) {
            return new ApiException.CircuitOpen("not sending " + ex.request.describe() + ": " + breaker, ex.attempts,
                    next);
        }
        return new ApiException.CircuitOpen(ex.request.describe() + " failed: " + ex.lastProblem + tries(ex) + "; "
                + breaker, ex.attempts, next);
    }

    private String tries(Exchange ex) {
        return ex.attempts.size() > 1 ? " (" + ex.attempts.size() + " attempts over "
                + Waits.format(ex.budget.spent()) + ")" : "";
    }

    private Duration cap(Duration wait) {
        return wait.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : wait;
    }

    /**
     * Every 5xx but 501: the server failed and may do better next time (the official Go SDK retries
     * the same set). 501 is an answer (the server does not do this at all) and is not retried.
     */
    static boolean isOutage(int status) {
        return status >= 500 && status != 501;
    }

    /** A 5xx answer, carried as a failure so that the circuit breaker counts it. */
    private static final class ServerOutage extends Exception {
        final RawResponse response;

        ServerOutage(RawResponse response) {
            super("HTTP " + response.status(), null, false, false);
            this.response = response;
        }
    }
}
