package io.gctls.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rotation's pacer on a clock the test moves: the window's allowance used, never exceeded. */
class PacerTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    /**
     * Books {@code n} slots one after the other (each sent at its slot and answered at once), with more
     * work waiting than any window allows, so the pacer spreads.
     */
    private static List<Instant> book(Pacer pacer, Instant from, int n) {
        List<Instant> slots = new ArrayList<>();
        Instant now = from;
        for (int i = 0; i < n; i++) {
            now = now.plus(pacer.reserve(now, Long.MAX_VALUE));
            slots.add(now);
            pacer.settled();
        }
        return slots;
    }

    private static long inWindow(List<Instant> slots, Instant start) {
        return slots.stream().filter(s -> !s.isBefore(start) && s.isBefore(start.plusSeconds(60))).count();
    }

    @Test
    void beforeAnyAnswerNothingIsHeldBack() {
        Pacer pacer = new Pacer();

        assertThat(pacer.reserve(T0, Long.MAX_VALUE)).isZero();
        assertThat(pacer.reserve(T0, Long.MAX_VALUE)).isZero();
        assertThat(pacer.allowed()).isZero();
    }

    @Test
    void aFreshWindowIsSpreadEvenlyAtTheAllowedRate() {
        Pacer pacer = new Pacer();
        pacer.observe(600, 1, 60, T0); // the plan's list opened the window

        List<Instant> slots = book(pacer, T0, 599);

        assertThat(Duration.between(slots.get(0), slots.get(1))).isBetween(Duration.ofMillis(100),
                Duration.ofMillis(101));
        assertThat(inWindow(slots, T0)).isEqualTo(599);
        assertThat(slots.get(598)).isBefore(T0.plusSeconds(60)).isAfter(T0.plusSeconds(59));
    }

    @Test
    void aBatchTheWindowCanTakeIsNotHeldBack() {
        Pacer pacer = new Pacer();
        pacer.observe(600, 1, 60, T0);

        for (int left = 60; left > 0; left--) {
            assertThat(pacer.reserve(T0, left)).isZero();
            pacer.settled();
        }
    }

    @Test
    void aBatchLargerThanWhatIsLeftIsSpreadThenSentAtOnceWhenTheRestFits() {
        Pacer pacer = new Pacer();
        pacer.observe(12, 1, 60, T0);
        List<Instant> slots = new ArrayList<>();
        Instant now = T0;
        for (int left = 24; left > 0; left--) {
            now = now.plus(pacer.reserve(now, left));
            slots.add(now);
            pacer.settled();
        }

        // 11 left in the first window, 12 in the second, the last one in the third
        assertThat(inWindow(slots, T0)).isEqualTo(11);
        assertThat(inWindow(slots, T0.plusSeconds(60))).isEqualTo(12);
        assertThat(slots.get(23)).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void moreThanOneWindowOfRequestsNeverExceedsTheAllowanceInAnyWindow() {
        Pacer pacer = new Pacer();
        pacer.observe(100, 1, 60, T0);

        List<Instant> slots = book(pacer, T0, 250);

        for (int second = 0; second < 180; second++) {
            assertThat(inWindow(slots, T0.plusSeconds(second))).as("window from second " + second)
                    .isLessThanOrEqualTo(100);
        }
        // the limit is used, not wasted: 250 requests at 100 a minute take about two and a half minutes
        assertThat(Duration.between(T0, slots.get(249))).isBetween(Duration.ofSeconds(145), Duration.ofSeconds(152));
    }

    @Test
    void aWindowAlreadyMostlySpentSlowsTheRestDown() {
        Pacer pacer = new Pacer();
        pacer.observe(300, 290, 30, T0);

        List<Instant> slots = book(pacer, T0, 12);

        // ten left for thirty seconds: three seconds apart; the eleventh waits for the window to reset
        assertThat(Duration.between(slots.get(0), slots.get(1))).isEqualTo(Duration.ofSeconds(3));
        assertThat(slots.get(10)).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void requestsInFlightCountAgainstTheAllowance() {
        Pacer pacer = new Pacer();
        pacer.observe(10, 0, 60, T0);

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            waits.add(pacer.reserve(T0, Long.MAX_VALUE)); // eleven booked, none answered yet
        }

        assertThat(waits.get(0)).isZero();
        assertThat(waits.get(10)).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aRetryAfterHoldsEverySlotUntilItEnds() {
        Pacer pacer = new Pacer();
        pacer.observe(600, 10, 50, T0);
        pacer.holdUntil(T0.plusSeconds(5));

        assertThat(pacer.reserve(T0, Long.MAX_VALUE)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aLateAnswerFromTheSameWindowDoesNotLowerTheCount() {
        Pacer pacer = new Pacer();
        pacer.observe(10, 9, 30, T0);
        pacer.observe(10, 4, 30, T0.plusMillis(200)); // an older request answered late

        // one left in this window: the next slot is now, the one after waits for the reset
        assertThat(pacer.reserve(T0.plusMillis(200), Long.MAX_VALUE)).isZero();
        assertThat(pacer.reserve(T0.plusMillis(200), Long.MAX_VALUE)).isGreaterThanOrEqualTo(Duration.ofSeconds(29));
    }
}
