package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "www.example.com|www.example.com",
        "WWW.Example.COM|www.example.com",
        "www.example.test.|www.example.test",
        "\"  www.example.com  \"|www.example.com",
        "*.example.com|*.example.com",
        "bücher.example|xn--bcher-kva.example",
        "BÜCHER.example|xn--bcher-kva.example",
        "例え.テスト|xn--r8jz45g.xn--zckzah",
        "www。example。com|www.example.com",
        "xn--bcher-kva.example|xn--bcher-kva.example",
        "a-b.c-d.example|a-b.c-d.example",
        "123.example.com|123.example.com"})
    void aNameIsNormalised(String input, String expected) {
        assertThat(DomainName.normalize(input, "--domain")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\" \"|--domain is blank",
        "\"\"|--domain is blank",
        "www.example.com..|empty label",
        ".www.example.com|empty label",
        "www..example.com|empty label",
        "www.*.example.com|'*' may only be the whole left-most label",
        "w*.example.com|'*' may only be the whole left-most label",
        "*.com|a wildcard needs a name of two labels or more",
        "localhost|a full name of two labels or more",
        "192.168.1.10|looks like an IP address",
        "www.exa mple.com|'exa mple' has a character other than a letter, a digit or a hyphen",
        "www_1.example.com|'www_1' has a character other than",
        "-www.example.com|'-www' starts or ends with a hyphen",
        "www-.example.com|starts or ends with a hyphen",
        "../../etc/passwd|empty label",
        "a/b.example.com|'a/b' has a character other than"})
    void aBadNameIsOneLineSayingWhy(String input, String why) {
        assertThatThrownBy(() -> DomainName.normalize(input, "--domain")).isInstanceOfSatisfying(GctlsException.class,
                e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains(why).doesNotContain("\n");
                });
    }

    @org.junit.jupiter.api.Test
    void lengthsAreChecked() {
        String label63 = "a".repeat(63);
        assertThat(DomainName.normalize(label63 + ".example", "--domain")).startsWith(label63);
        assertThatThrownBy(() -> DomainName.normalize("a".repeat(64) + ".example", "--domain"))
                .hasMessageContaining("64 characters long; a label has at most 63");
        String name253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
        assertThat(name253).hasSize(253);
        assertThat(DomainName.normalize(name253, "--domain")).isEqualTo(name253);
        assertThatThrownBy(() -> DomainName.normalize(name253 + "d", "--domain"))
                .hasMessageContaining("254 characters long; a domain name has at most 253");
    }

    @org.junit.jupiter.api.Test
    void hugeInputIsQuotedShort() {
        String huge = "a".repeat(100_000);
        assertThatThrownBy(() -> DomainName.normalize(huge, "--domain")).satisfies(e ->
                assertThat(e.getMessage().length()).isLessThan(300).satisfies(n -> assertThat(e.getMessage())
                        .contains("(100000 characters)")));
    }
}
