package io.gctls.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one reading of the inin-ratelimit-* headers, shared by the executor's pacer and a rotation's. */
class RateLimitHeadersTest {

    @Test
    void allThreeHeadersAsNumbers() {
        RawResponse r = RawResponse.of(200, "{}", Map.of("inin-ratelimit-allowed", "300", "inin-ratelimit-count",
                "12", "inin-ratelimit-reset", "41.5"));
        assertThat(RateLimitHeaders.of(r)).contains(new RateLimitHeaders(300, 12, 41));
    }

    @Test
    void aMissingOrUnreadableHeaderIsNoWindow() {
        assertThat(RateLimitHeaders.of(RawResponse.of(200, "{}", Map.of("inin-ratelimit-allowed", "300",
                "inin-ratelimit-count", "12")))).isEmpty();
        assertThat(RateLimitHeaders.of(RawResponse.of(200, "{}", Map.of("inin-ratelimit-allowed", "many",
                "inin-ratelimit-count", "12", "inin-ratelimit-reset", "4")))).isEmpty();
    }
}
