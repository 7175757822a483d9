package io.gctls.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

/** docs/findings.md `no-server-auth-eku`: an EKU extension without serverAuth is an error, anyExtendedKeyUsage included. */
class ExtendedKeyUsageCheckTest {

    private static final Instant NOW = Instant.now();

    private static TestPki.Minted leafWith(KeyPurposeId... usages) {
        return TestPki.leaf(TestPki.rsaIntermediate(), "www.example.com", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)), usages);
    }

    @Test
    void serverAuthPasses() {
        assertThat(CertificateChecks.extendedKeyUsage(leafWith(KeyPurposeId.id_kp_serverAuth,
                KeyPurposeId.id_kp_clientAuth).certificate())).isEmpty();
    }

    @Test
    void anyExtendedKeyUsageWithoutServerAuthIsAnError() {
        assertThat(CertificateChecks.extendedKeyUsage(leafWith(KeyPurposeId.anyExtendedKeyUsage).certificate()))
                .get().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("no-server-auth-eku");
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message()).contains("anyExtendedKeyUsage but not serverAuth");
                });
    }

    @Test
    void anyExtendedKeyUsageBesideServerAuthPasses() {
        assertThat(CertificateChecks.extendedKeyUsage(leafWith(KeyPurposeId.id_kp_serverAuth,
                KeyPurposeId.anyExtendedKeyUsage).certificate())).isEmpty();
    }
}
