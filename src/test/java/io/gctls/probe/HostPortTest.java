package io.gctls.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortTest {

    @ParameterizedTest
    @CsvSource({
            "www.example.com,                     www.example.com, 443,  false",
            "www.example.com:8443,                www.example.com, 8443, true",
            "WWW.Example.COM.,                    WWW.Example.COM., 443, false",
            "192.0.2.10:443,                      192.0.2.10,      443,  true",
            "'[2001:db8::1]:8443',                2001:db8::1,     8443, true",
            "'[::1]',                             ::1,             443,  false",
            "2001:db8::1,                         2001:db8::1,     443,  false",
            "https://www.example.com/login?x=1,   www.example.com, 443,  false",
            "https://user@www.example.com:9443/,  www.example.com, 9443, true",
            "bücher.example,                      bücher.example,  443,  false",
            "'  www.example.com  ',               www.example.com, 443,  false",
    })
    void parsesWhatPeopleType(String text, String host, int port, boolean explicit) {
        HostPort parsed = HostPort.parse(text, 443, "HOST");

        assertThat(parsed).isEqualTo(new HostPort(host, port, explicit));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "www.example.com:0       | the port must be 1 to 65535, not '0'",
            "www.example.com:65536   | the port must be 1 to 65535, not '65536'",
            "www.example.com:https   | the port must be 1 to 65535, not 'https'",
            "www.example.com:        | the port must be 1 to 65535, not ''",
            "https://                | no host given",
            "www.exa mple.com        | 'www.exa mple.com' is not a host name or IP address",
            "-www.example.com        | '-www.example.com' is not a host name or IP address",
            "*.example.com           | '*.example.com' is not a host name or IP address",
    })
    void refusesWhatIsNoHostOrPortWithAUsageErrorThatSaysWhy(String text, String why) {
        assertThatThrownBy(() -> HostPort.parse(text, 443, "--connect"))
                .isInstanceOfSatisfying(GctlsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith("--connect '" + text.strip() + "': " + why)
                .hasMessageContaining("expected HOST[:PORT]");
    }

    @Test
    void printsIpv6InBracketsAndTellsIpLiteralsApart() {
        assertThat(new HostPort("2001:db8::1", 443, false)).hasToString("[2001:db8::1]:443");
        assertThat(new HostPort("www.example.com", 8443, true)).hasToString("www.example.com:8443");
        assertThat(new HostPort("192.0.2.10", 443, false).isIpLiteral()).isTrue();
        assertThat(new HostPort("::1", 443, false).isIpLiteral()).isTrue();
        assertThat(new HostPort("10.example.com", 443, false).isIpLiteral()).isFalse();
        assertThat(new HostPort("WWW.Example.COM.", 443, false).sniName()).isEqualTo("www.example.com");
    }
}
