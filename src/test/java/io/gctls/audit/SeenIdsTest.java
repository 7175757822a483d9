package io.gctls.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeenIdsTest {

    private static final Instant T = Instant.parse("2026-05-01T12:00:00Z");

    private static AuditEvent event(String id, Instant at) {
        return new AuditEvent(id, at, "CustomDomains", "Update", "customdomain", "d-1", null, "SUCCESS", null, null,
                null, null, null);
    }

    @Test
    void anIdIsNewOnce() {
        SeenIds seen = new SeenIds(10);
        assertThat(seen.add(event("a", T))).isTrue();
        assertThat(seen.add(event("a", T))).isFalse();
    }

    @Test
    void idsOlderThanTheWindowAreForgottenAndTheSizeIsCapped() {
        SeenIds seen = new SeenIds(3);
        seen.add(event("old", T.minusSeconds(120)));
        seen.add(event("undated", null));
        seen.add(event("new", T));
        seen.forgetBefore(T.minusSeconds(60));
        assertThat(seen.size()).isEqualTo(2);
        seen.add(event("x", T));
        seen.add(event("y", T));
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.add(event("undated", null))).as("the eldest was dropped at the cap").isTrue();
    }
}
