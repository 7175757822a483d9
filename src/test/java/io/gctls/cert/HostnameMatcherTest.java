package io.gctls.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameMatcherTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "www.example.com, www.example.com, true",
            "www.example.com, WWW.EXAMPLE.COM, true",
            "www.example.com, www.example.com., true",
            "WWW.Example.Com, www.example.com, true",
            "www.example.com., www.example.com, true",
            "www.example.com, example.com, false",
            "www.example.com, a.www.example.com, false",
            "*.example.com, www.example.com, true",
            "*.example.com, WWW.example.com., true",
            "*.example.com, example.com, false",
            "*.example.com, a.b.example.com, false",
            "*.example.com, .example.com, false",
            "*.example.com, *.example.com, true",
            "*.example.com, *.other.com, false",
            "f*.example.com, foo.example.com, false",
            "*o.example.com, foo.example.com, false",
            "foo.*.example.com, foo.bar.example.com, false",
            "*.*.example.com, a.b.example.com, false",
            "*.com, example.com, false",
            "*, example, false",
            "xn--bcher-kva.example, bücher.example, true",
            "xn--bcher-kva.example, BÜCHER.example, true",
            "*.xn--bcher-kva.example, www.bücher.example, true",
            "*.xn--bcher-kva.example, bücher.example, false",
            "bücher.example, xn--bcher-kva.example, true",
    })
    void coversFollowsRfc6125(String san, String domain, boolean covered) {
        String reference = HostnameMatcher.toALabels(domain);
        assertThat(reference != null && HostnameMatcher.covers(san, reference)).isEqualTo(covered);
    }

    @Test
    void onlySubjectAltNamesCountNeverTheCn() {
        X509Certificate cnOnly = CryptoFileReader.read(Fixtures.file("cn-only/leaf.pem"), "--cert").certificates().get(0);
        assertThat(Certs.label(cnOnly)).isEqualTo("www.example.com");
        assertThat(HostnameMatcher.match(cnOnly, "www.example.com").covered()).isFalse();
    }

    @Test
    void ipAddressesMatchIpSansOnlyWithoutAnyLookup() {
        X509Certificate ip = CryptoFileReader.read(Fixtures.file("ip-san/leaf.pem"), "--cert").certificates().get(0);
        assertThat(HostnameMatcher.match(ip, "192.0.2.10").covered()).isTrue();
        assertThat(HostnameMatcher.match(ip, "192.0.2.11").covered()).isFalse();
        assertThat(HostnameMatcher.match(ip, "www.example.com").covered()).isTrue();
        assertThat(HostnameMatcher.isIpLiteral("999.1.1.1")).isTrue(); // looks like one: never resolved as a name
        assertThat(HostnameMatcher.match(ip, "999.1.1.1").covered()).isFalse();
        assertThat(HostnameMatcher.isIpLiteral("2001:db8::1")).isTrue();
        assertThat(HostnameMatcher.isIpLiteral("www.example.com")).isFalse();
    }
}
