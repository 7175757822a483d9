package io.gctls.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void aFrozenClockMovesOnlyWhenAdvancedAndTicksAgainAfterRewind() {
        MutableClock clock = MutableClock.ticking();
        clock.freeze();
        Instant frozen = clock.instant();
        // no sleep can be long enough to prove "never moves"; a busy loop of reads is what a loaded machine does
        for (int i = 0; i < 10_000; i++) {
            assertThat(clock.instant()).isEqualTo(frozen);
        }
        clock.advance(Duration.ofSeconds(15));
        assertThat(clock.instant()).isEqualTo(frozen.plusSeconds(15));
        clock.rewind();
        assertThat(clock.instant()).isBetween(frozen, Instant.now());
    }
}
