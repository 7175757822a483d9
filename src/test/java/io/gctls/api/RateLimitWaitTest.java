package io.gctls.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitWaitTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String BODY = "{\"message\":\"Rate limit exceeded the maximum. Retry the request in [7] seconds\","
            + "\"code\":\"too.many.requests.retry.after\",\"status\":429}";

    @Test
    void retryAfterSecondsComesFirst() {
        RawResponse r = RawResponse.of(429, BODY, Map.of("Retry-After", "3", "inin-ratelimit-reset", "40"));
        assertThat(RateLimitWait.of(r, NOW)).get().satisfies(a -> {
            assertThat(a.delay()).isEqualTo(Duration.ofSeconds(3));
            assertThat(a.source()).isEqualTo("Retry-After");
        });
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        RawResponse r = RawResponse.of(429, BODY, Map.of("Retry-After", "Tue, 01 Dec 2026 10:00:12 GMT"));
        assertThat(RateLimitWait.of(r, NOW).orElseThrow().delay()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        RawResponse r = RawResponse.of(429, BODY, Map.of("Retry-After", "Tue, 01 Dec 2026 09:00:00 GMT"));
        assertThat(RateLimitWait.of(r, NOW).orElseThrow().delay()).isZero();
    }

    @Test
    void withoutRetryAfterTheBracketedSecondsOfTheMessageCount() {
        RawResponse r = RawResponse.of(429, BODY, Map.of("inin-ratelimit-reset", "40"));
        assertThat(RateLimitWait.of(r, NOW).orElseThrow()).isEqualTo(
                new RateLimitWait.Advice(Duration.ofSeconds(7), "the API's message"));
    }

    @Test
    void thenTheRateLimitResetHeader() {
        RawResponse r = RawResponse.of(429, "{\"message\":\"slow down\"}", Map.of("inin-ratelimit-reset", "40"));
        assertThat(RateLimitWait.of(r, NOW).orElseThrow()).isEqualTo(
                new RateLimitWait.Advice(Duration.ofSeconds(40), "inin-ratelimit-reset"));
    }

    @Test
    void nothingToGoByLeavesItToBackoff() {
        assertThat(RateLimitWait.of(RawResponse.of(429, "", Map.of()), NOW)).isEmpty();
        assertThat(RateLimitWait.of(RawResponse.of(429, "", Map.of("Retry-After", "soon")), NOW)).isEmpty();
    }
}
