package io.gctls.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitPacerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final RateLimitPacer pacer = new RateLimitPacer(0.8);

    private void saw(int count, int allowed, int resetSeconds) {
        pacer.observe(RawResponse.of(200, "{}", Map.of("inin-ratelimit-count", String.valueOf(count),
                "inin-ratelimit-allowed", String.valueOf(allowed), "inin-ratelimit-reset",
                String.valueOf(resetSeconds))), NOW);
    }

    @Test
    void noHeadersNoPacing() {
        assertThat(pacer.delayBeforeNext(NOW)).isZero();
    }

    @Test
    void belowTheThresholdRequestsGoAtOnce() {
        saw(100, 300, 30);
        assertThat(pacer.delayBeforeNext(NOW)).isZero();
    }

    @Test
    void aboveTheThresholdTheRestOfTheAllowanceIsSpreadOverTheWindow() {
        saw(290, 300, 30); // 10 left for 30 s
        assertThat(pacer.delayBeforeNext(NOW)).isEqualTo(Duration.ofSeconds(3));
        // the pacer counts the request it let through: 9 left
        assertThat(pacer.delayBeforeNext(NOW)).isEqualTo(Duration.ofSeconds(30).dividedBy(9));
    }

    @Test
    void anExhaustedWindowWaitsForItsReset() {
        saw(300, 300, 12);
        assertThat(pacer.delayBeforeNext(NOW)).isEqualTo(Duration.ofSeconds(12));
        assertThat(pacer.delayBeforeNext(NOW.plusSeconds(5))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aFinishedWindowNoLongerHoldsRequestsBack() {
        saw(300, 300, 12);
        assertThat(pacer.delayBeforeNext(NOW.plusSeconds(13))).isZero();
    }
}
