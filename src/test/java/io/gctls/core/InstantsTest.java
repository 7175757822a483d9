package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantsTest {

    private static final Instant NOON = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void utcWithOrWithoutMillisAndAnOffsetAllParse() {
        assertThat(Instants.parseLenient("2026-05-01T12:00:00.000Z")).isEqualTo(NOON);
        assertThat(Instants.parseLenient("2026-05-01T12:00:00Z")).isEqualTo(NOON);
        assertThat(Instants.parseLenient("2026-05-01T14:00:00+02:00")).isEqualTo(NOON);
        assertThat(Instants.parseLenient("2026-05-01T12:00:00.250Z")).isEqualTo(NOON.plusMillis(250));
    }

    @Test
    void anythingElseIsNullNotAnException() {
        assertThat(Instants.parseLenient(null)).isNull();
        assertThat(Instants.parseLenient("")).isNull();
        assertThat(Instants.parseLenient("2026-05-01")).isNull();
        assertThat(Instants.parseLenient("2026-05-01T12:00:00")).isNull();
        assertThat(Instants.parseLenient("yesterday")).isNull();
    }
}
