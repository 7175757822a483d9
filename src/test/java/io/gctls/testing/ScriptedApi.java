package io.gctls.testing;

import io.gctls.api.ApiClient;
import io.gctls.api.Circuits;
import io.gctls.api.RawRequest;
import io.gctls.api.RequestExecutor;
import io.gctls.api.RetrySettings;
import io.gctls.api.TokenSource;
import io.gctls.api.Waiter;
import io.gctls.core.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;

/**
 * The API client of unit tests: the real executor (retries, pacing, breaker) over a scripted
 * transport, with a recording waiter on a fixed clock, so waits are asserted, not slept.
 * {@code ScriptedApi.create()} has the defaults; {@code ScriptedApi.options()...build()} changes them.
 */
public final class ScriptedApi {

    /** The fixed clock's instant unless {@link Options#at} says otherwise. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-12-01T10:00:00Z");
    public static final String DEFAULT_BASE_URL = "https://api.example.test";

    private static Vertx vertx;

    public final MutableClock clock;
    public final RecordingWaiter waiter;
    public final ScriptedTransport transport = new ScriptedTransport();
    /** The executor on its own, for callers without a bearer token (the login). */
    public final RequestExecutor executor;
    public final ApiClient client;

    private ScriptedApi(Options options) {
        clock = MutableClock.fixed(options.now);
        waiter = new RecordingWaiter(clock);
        RetrySettings settings = options.settings;
        int maxFailures = options.breakerMaxFailures == null ? settings.breakerMaxFailures()
                : options.breakerMaxFailures;
        Duration reset = options.breakerReset == null ? settings.breakerReset() : options.breakerReset;
        executor = new RequestExecutor(transport, options.waiter == null ? waiter : options.waiter, clock, settings,
                new Circuits(sharedVertx(), clock, maxFailures, reset), new SplittableRandom(options.seed));
        client = new ApiClient(executor, options.baseUrl, options.tokens);
    }

    /** {@link #DEFAULT_NOW}, {@link RetrySettings#defaults()}, {@link #DEFAULT_BASE_URL}, a {@link StaticToken}. */
    public static ScriptedApi create() {
        return options().build();
    }

    public static Options options() {
        return new Options();
    }

    /**
     * One Vert.x for the whole test JVM, made on first use: the breakers need one, and nothing here
     * runs on it long enough to need a fresh one per class. It is never closed; the forked test JVM's
     * exit ends its threads.
     */
    public static synchronized Vertx sharedVertx() {
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        return vertx;
    }

    public List<RawRequest> sent() {
        return transport.sent();
    }

    /** The JSON bodies sent, in order (requests without a body are skipped). */
    public List<JsonNode> bodies() {
        List<JsonNode> bodies = new ArrayList<>();
        for (RawRequest request : sent()) {
            if (request.body().json() != null) {
                bodies.add(Json.mapper().readTree(request.body().json()));
            }
        }
        return bodies;
    }

    /** What differs between tests; every setter returns this. */
    public static final class Options {
        private Instant now = DEFAULT_NOW;
        private RetrySettings settings = RetrySettings.defaults();
        private Integer breakerMaxFailures;
        private Duration breakerReset;
        private String baseUrl = DEFAULT_BASE_URL;
        private TokenSource tokens = new StaticToken();
        private Waiter waiter;
        private long seed = 1;

        private Options() {
        }

        /** Where the fixed clock starts. */
        public Options at(Instant instant) {
            now = instant;
            return this;
        }

        /** The executor's limits; the breaker follows them unless {@link #breaker} is given. */
        public Options retry(RetrySettings retrySettings) {
            settings = retrySettings;
            return this;
        }

        public Options breaker(int maxFailures, Duration reset) {
            breakerMaxFailures = maxFailures;
            breakerReset = reset;
            return this;
        }

        public Options baseUrl(String url) {
            baseUrl = url;
            return this;
        }

        public Options tokens(TokenSource tokenSource) {
            tokens = tokenSource;
            return this;
        }

        /** The executor waits with this instead of the recording waiter (which then records nothing). */
        public Options waiter(Waiter instead) {
            waiter = instead;
            return this;
        }

        /** The seed of the backoff's jitter. */
        public Options seed(long jitterSeed) {
            seed = jitterSeed;
            return this;
        }

        public ScriptedApi build() {
            return new ScriptedApi(this);
        }
    }

    /** Always the same bearer token; a replaced one is its "-2". */
    public static final class StaticToken implements TokenSource {
        @Override
        public Future<String> accessToken() {
            return Future.succeededFuture("tok-static");
        }

        @Override
        public Future<String> replace(String rejected) {
            return Future.succeededFuture("tok-static-2");
        }
    }
}
