package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void codesAreThoseOfTheSpec() {
        assertThat(ExitCode.OK.code()).isZero();
        assertThat(ExitCode.WARNINGS.code()).isEqualTo(1);
        assertThat(ExitCode.USAGE.code()).isEqualTo(2);
        assertThat(ExitCode.INPUT.code()).isEqualTo(3);
        assertThat(ExitCode.AUTH.code()).isEqualTo(4);
        assertThat(ExitCode.API_REFUSED.code()).isEqualTo(5);
        assertThat(ExitCode.UNAVAILABLE.code()).isEqualTo(6);
        assertThat(ExitCode.INTERRUPTED.code()).isEqualTo(130);
    }

    @Test
    void worstKeepsTheFailure() {
        assertThat(ExitCode.OK.worst(ExitCode.WARNINGS)).isEqualTo(ExitCode.WARNINGS);
        assertThat(ExitCode.WARNINGS.worst(ExitCode.INPUT)).isEqualTo(ExitCode.INPUT);
        assertThat(ExitCode.UNAVAILABLE.worst(ExitCode.OK)).isEqualTo(ExitCode.UNAVAILABLE);
    }

    @Test
    void worstIsTheWorstWhicheverComesFirst() {
        assertThat(ExitCode.INPUT.worst(ExitCode.UNAVAILABLE)).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(ExitCode.UNAVAILABLE.worst(ExitCode.INPUT)).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(ExitCode.API_REFUSED.worst(ExitCode.INTERRUPTED)).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(ExitCode.WARNINGS.worst(ExitCode.OK)).isEqualTo(ExitCode.WARNINGS);
    }
}
