package io.gctls.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How close a rotation came to the API's limit, judged per window rather than by an extrapolated rate. */
class RotationShareTest {

    @Test
    void requestsThatFitOneWindowAreJudgedAgainstItsAllowance() {
        assertThat(Rotation.shareOfAllowance(40, 6_500, 120)).isEqualTo(40 / 120.0);
        assertThat(Rotation.shareOfAllowance(120, 900, 120)).isEqualTo(1.0);
    }

    @Test
    void moreThanOneWindowIsJudgedByTheTimeTheLimitNeeds() {
        // 151 at 120/min: 120 at once, 31 when the next window opens a minute later
        assertThat(Rotation.limitNeedsMs(151, 120)).isEqualTo(60_000);
        assertThat(Rotation.shareOfAllowance(151, 60_650, 120)).isCloseTo(0.989, org.assertj.core.data.Offset.offset(0.001));
        assertThat(Rotation.shareOfAllowance(151, 120_000, 120)).isEqualTo(0.5);
        assertThat(Rotation.limitNeedsMs(241, 120)).isEqualTo(120_000);
    }

    @Test
    void noStatedLimitIsNoShare() {
        assertThat(Rotation.shareOfAllowance(10, 1_000, 0)).isZero();
    }
}
