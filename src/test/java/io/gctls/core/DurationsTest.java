package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsTheFormsPeopleType() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse(" 5s ")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("pt1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.parse("0s")).isZero();
    }

    @Test
    void refusesNegativesBareNumbersAndNonAsciiDigits() {
        assertThatThrownBy(() -> Durations.parse("-1s")).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> Durations.parse("-PT1S")).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> Durations.parse("30")).hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> Durations.parse("\u0663s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("\uFF13s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("99999999999999999999d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsInTheShortestExactUnit() {
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }
}
