package io.gctls.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Cancellation;
import io.gctls.testing.MutableClock;
import io.gctls.testing.RecordingWaiter;
import io.gctls.testing.ScriptedApi;
import io.gctls.testing.ScriptedTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** An executor with a wrapped transport and waiter: every send and every wait goes through the wrappers. */
class ApiRuntimeTest {

    @Test
    void theWrappersSeeEverySendAndWait() {
        MutableClock clock = MutableClock.fixed(Instant.parse("2026-12-01T10:00:00Z"));
        ScriptedTransport transport = new ScriptedTransport().answer(429, "{}", java.util.Map.of("Retry-After", "2"))
                .answer(200, "{}");
        ApiRuntime runtime = new ApiRuntime(ScriptedApi.sharedVertx(), transport, new RecordingWaiter(clock), clock,
                new Circuits(ScriptedApi.sharedVertx(), clock, 5, Duration.ofSeconds(30)), new SplittableRandom(1));
        List<Integer> seen = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();

        RequestExecutor executor = runtime.executor(RetrySettings.defaults(),
                inner -> request -> inner.send(request).map(response -> {
                    seen.add(response.status());
                    return response;
                }),
                inner -> (duration, cancellation) -> {
                    waits.add(duration);
                    return inner.waitFor(duration, cancellation);
                });
        ApiClient client = new ApiClient(executor, "https://api.example.test", new ScriptedApi.StaticToken());
        client.call(ApiRequest.get("/api/v2/tokens/me"), Cancellation.never(), note -> { });

        assertThat(seen).containsExactly(429, 200);
        assertThat(waits).contains(Duration.ofSeconds(2));
    }
}
