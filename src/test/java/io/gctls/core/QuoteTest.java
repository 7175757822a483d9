package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteTest {

    @Test
    void shortInputIsQuotedWhole() {
        assertThat(Quote.of("www.example.com")).isEqualTo("'www.example.com'");
    }

    @Test
    void longInputIsCutAndSaysHowLongItWas() {
        String huge = "a".repeat(100 * 1024);
        String quoted = Quote.of(huge);
        assertThat(quoted).hasSizeLessThan(100).endsWith("...' (102400 characters)");
        assertThat(Quote.shortened(huge, 200)).hasSizeLessThan(240).endsWith("... (102400 characters)");
    }

    @Test
    void controlCharactersCannotRewriteTheTerminal() {
        assertThat(Quote.of("a\u001b[2Jb\nc")).isEqualTo("'a?[2Jb?c'");
    }
}
