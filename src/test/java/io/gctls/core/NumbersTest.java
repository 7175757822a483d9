package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void asciiDigitsOnly() {
        assertThat(Numbers.parseInt("42")).isEqualTo(42);
        assertThat(Numbers.parseInt(" -5 ")).isEqualTo(-5);
        assertThat(Numbers.parseInt("+007")).isEqualTo(7);
        // Integer.parseInt reads all three of these as 3
        assertThatThrownBy(() -> Numbers.parseInt("\u0663")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Numbers.parseInt("\u0969")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Numbers.parseInt("\uFF13")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tooLargeIsRefusedNotWrapped() {
        assertThatThrownBy(() -> Numbers.parseInt("99999999999")).hasMessage("too large");
        assertThat(Numbers.parseInt("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(Numbers.parseInt("-2147483648")).isEqualTo(Integer.MIN_VALUE);
    }
}
