package io.gctls.sandbox;

import io.gctls.testing.MutableClock;
import static io.gctls.sandbox.SandboxHttp.genesysError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The per-token rate limit of docs/sandbox.md "The rate limit", on a clock the test moves (no sleeping). */
class SandboxRateLimitTest {

    private static final MutableClock CLOCK = MutableClock.fixed(Instant.parse("2026-05-01T12:00:00Z"));

    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults().clock(CLOCK).ratePerMinute(3));
    private final Sandbox sandbox = RUNNING.sandbox();
    private final SandboxHttp http = RUNNING.http();

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    @Test
    void everyAnswerCarriesTheRateHeadersAndAFreshCorrelationId() throws IOException {
        String token = http.login();
        HttpResponse<String> first = http.get("/api/v2/customdomains", token);
        CLOCK.advance(Duration.ofSeconds(20));
        HttpResponse<String> second = http.get("/api/v2/customdomains/unknown", token);

        assertThat(header(first, "inin-ratelimit-allowed")).isEqualTo("3");
        assertThat(header(first, "inin-ratelimit-count")).isEqualTo("1");
        assertThat(header(first, "inin-ratelimit-reset")).isEqualTo("60");
        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(header(second, "inin-ratelimit-count")).isEqualTo("2");
        assertThat(header(second, "inin-ratelimit-reset")).isEqualTo("40");
        assertThat(header(first, "inin-correlation-id")).isNotEqualTo(header(second, "inin-correlation-id"));
    }

    @Test
    void theRequestAfterTheLimitIsA429WithRetryAfter() throws IOException {
        String token = http.login();
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/v2/customdomains", token).statusCode()).isEqualTo(200);
        }
        CLOCK.advance(Duration.ofSeconds(45));

        HttpResponse<String> limited = http.get("/api/v2/customdomains", token);

        JsonNode body = genesysError(limited, 429, "too.many.requests.retry.after");
        assertThat(body.get("message").stringValue())
                .isEqualTo("Rate limit exceeded the maximum. Retry the request in [15] seconds");
        assertThat(header(limited, "Retry-After")).isEqualTo("15");
        assertThat(header(limited, "inin-ratelimit-allowed")).isEqualTo("3");
        assertThat(header(limited, "inin-ratelimit-count")).isEqualTo("4");
        assertThat(header(limited, "inin-ratelimit-reset")).isEqualTo("15");
    }

    @Test
    void aNewWindowOpensWhenTheOldOneEnds() throws IOException {
        String token = http.login();
        for (int i = 0; i < 4; i++) {
            http.get("/api/v2/customdomains", token);
        }
        CLOCK.advance(Duration.ofSeconds(60));

        HttpResponse<String> response = http.get("/api/v2/customdomains", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "inin-ratelimit-count")).isEqualTo("1");
    }

    @Test
    void eachTokenHasItsOwnWindow() throws IOException {
        String busy = http.login();
        for (int i = 0; i < 4; i++) {
            http.get("/api/v2/customdomains", busy);
        }

        assertThat(http.get("/api/v2/customdomains", http.login()).statusCode()).isEqualTo(200);
    }

    @Test
    void theRateCanChangeWhileRunningAndResetRestoresIt() throws IOException {
        sandbox.ratePerMinute(1);
        String token = http.login();
        http.get("/api/v2/customdomains", token);
        assertThat(http.get("/api/v2/customdomains", token).statusCode()).isEqualTo(429);

        sandbox.reset();

        assertThat(sandbox.status().ratePerMinute()).isEqualTo(3);
        String fresh = http.login();
        assertThat(header(http.get("/api/v2/customdomains", fresh), "inin-ratelimit-allowed")).isEqualTo("3");
    }

    @Test
    void correlationIdsAreUniquePerResponse() throws IOException {
        String token = http.login();
        Set<String> ids = new HashSet<>();
        ids.add(header(http.get("/api/v2/tokens/me", token), "inin-correlation-id"));
        ids.add(header(http.get("/api/v2/tokens/me", token), "inin-correlation-id"));
        ids.add(header(http.get("/api/v2/tokens/me", "bad"), "inin-correlation-id"));

        assertThat(ids).hasSize(3);
    }
}
