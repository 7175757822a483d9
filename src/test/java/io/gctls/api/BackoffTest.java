package io.gctls.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30),
            new SplittableRandom(42));

    @Test
    void theCeilingDoublesPerRetryUpToTheCap() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.ceiling(64)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void fullJitterSpreadsWaitsOverTheWholeRange() {
        long below = 0;
        long above = 0;
        for (int i = 0; i < 2000; i++) {
            Duration d = backoff.delay(4); // ceiling 4 s
            assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(4));
            if (d.toMillis() < 2000) {
                below++;
            } else {
                above++;
            }
        }
        // uniform: both halves well represented (not equal jitter, not a fixed wait)
        assertThat(below).isBetween(800L, 1200L);
        assertThat(above).isBetween(800L, 1200L);
    }

    @Test
    void theSameSeedGivesTheSameWaits() {
        Backoff a = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(7));
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(7));
        for (int retry = 1; retry <= 6; retry++) {
            assertThat(a.delay(retry)).isEqualTo(b.delay(retry));
        }
    }
}
