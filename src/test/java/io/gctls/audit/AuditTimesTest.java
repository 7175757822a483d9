package io.gctls.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditTimesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void durationsCountBackFromNow() {
        assertThat(AuditTimes.point("1h", NOW)).isEqualTo(Instant.parse("2026-05-01T11:00:00Z"));
        assertThat(AuditTimes.point("1d", NOW)).isEqualTo(Instant.parse("2026-04-30T12:00:00Z"));
        assertThat(AuditTimes.point("90m", NOW)).isEqualTo(Instant.parse("2026-05-01T10:30:00Z"));
        assertThat(AuditTimes.point("PT2H", NOW)).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
    }

    @Test
    void isoTimesAndDatesAreAbsolute() {
        assertThat(AuditTimes.point("2026-04-20T08:30:00Z", NOW)).isEqualTo(Instant.parse("2026-04-20T08:30:00Z"));
        assertThat(AuditTimes.point("2026-04-20T10:30:00+02:00", NOW))
                .isEqualTo(Instant.parse("2026-04-20T08:30:00Z"));
        assertThat(AuditTimes.point("2026-04-20", NOW)).isEqualTo(Instant.parse("2026-04-20T00:00:00Z"));
        assertThat(AuditTimes.point("2026-04-20T08:30:00", NOW)).as("no zone: UTC")
                .isEqualTo(Instant.parse("2026-04-20T08:30:00Z"));
    }

    @Test
    void anythingElseSaysWhatIsAccepted() {
        assertThatThrownBy(() -> AuditTimes.point("yesterday", NOW)).hasMessage("'yesterday' is neither a duration "
                + "back from now (30m, 1h, 1d) nor an ISO-8601 time (2026-05-01T12:00:00Z) or date (2026-05-01)");
    }

    @Test
    void formatIsGenesysIsoWithMilliseconds() {
        assertThat(AuditTimes.format(Instant.parse("2026-05-01T12:00:00.123456Z"))).isEqualTo("2026-05-01T12:00:00.123Z");
    }
}
