package io.gctls.sandbox;

import static io.gctls.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.cert.Fingerprints;
import io.gctls.core.Cancellation;
import io.gctls.core.GctlsException;
import io.gctls.probe.HostPort;
import io.gctls.probe.TlsHandshake;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandbox seed}: a fleet deployed, a folder of new bundles written, served over TLS; and the TLS switches. */
class SandboxSeedTest {

    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults());
    private final Sandbox sandbox = RUNNING.sandbox();

    @TempDir
    Path dir;

    private static X509Certificate certificate(String pem) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private TlsHandshake.Served handshake(String domain) {
        return TlsHandshake.probe(new HostPort(domain, 443, false), new HostPort("127.0.0.1", sandbox.tlsPort(), true),
                Duration.ofSeconds(10), Cancellation.never());
    }

    @Test
    void seedDeploysTheFleetWithSomeExpiringAndWritesNewBundlesForIt() throws Exception {
        SeedResult seed = sandbox.seed(5, 2, dir.resolve("fleet"));

        assertThat(seed.domains()).containsExactly("fleet-001.example.com", "fleet-002.example.com",
                "fleet-003.example.com", "fleet-004.example.com", "fleet-005.example.com");
        assertThat(seed.expiring()).containsExactly("fleet-001.example.com", "fleet-002.example.com");
        assertThat(sandbox.domains()).extracting(CustomDomain::domain).containsExactlyElementsOf(seed.domains());
        Instant now = Instant.now();
        for (CustomDomain domain : sandbox.domains()) {
            Duration left = Duration.between(now, domain.certificateNotAfter());
            if (seed.expiring().contains(domain.domain())) {
                assertThat(left).isBetween(Duration.ofDays(9), Duration.ofDays(10));
            } else {
                assertThat(left).isGreaterThan(Duration.ofDays(90));
            }
            Path bundle = seed.folder().resolve(domain.domain());
            X509Certificate renewed = certificate(Files.readString(bundle.resolve("cert.pem")));
            assertThat(Fingerprints.sha256Hex(renewed)).isNotEqualTo(domain.certificateFingerprint());
            assertThat(renewed.getSubjectAlternativeNames()).singleElement()
                    .satisfies(san -> assertThat(san.get(1)).isEqualTo(domain.domain()));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bundle.resolve("key.pem"))))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(bundle.resolve("chain.pem"))).isEqualTo(domain.certificateChain());
        }
        assertThat(Files.readString(seed.trust())).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void theTlsFrontServesTheSeededDomains() throws Exception {
        sandbox.seed(3, 0, dir.resolve("fleet"));
        CustomDomain second = sandbox.domain("fleet-002.example.com").orElseThrow();

        TlsHandshake.Served served = handshake("fleet-002.example.com");

        assertThat(Fingerprints.sha256Hex(served.chain().get(0))).isEqualTo(second.certificateFingerprint());
        assertThat(served.chain()).hasSize(2);
    }

    @Test
    void seedingAgainAddsMoreAndAFolderInUseIsRefused() throws IOException {
        sandbox.seed(2, 0, dir.resolve("first"));

        SeedResult more = sandbox.seed(2, 1, dir.resolve("second"));

        assertThat(more.domains()).containsExactly("fleet-003.example.com", "fleet-004.example.com");
        assertThat(sandbox.domains()).hasSize(4);
        assertThatThrownBy(() -> sandbox.seed(1, 0, dir.resolve("first"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not empty");
        assertThatThrownBy(() -> sandbox.seed(2, 3, dir.resolve("third"))).hasMessage("--expiring must be 0 to 2, not 3");
        assertThatThrownBy(() -> sandbox.seed(0, 0, dir.resolve("third"))).hasMessageStartingWith("seed needs 1 to");
        assertThatThrownBy(() -> sandbox.seed(1, 0, dir.resolve("no/such/parent")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aHeldCertificateIsStillServedAfterAReplaceAndARefusedNameFailsItsHandshake() throws Exception {
        SeedResult seed = sandbox.seed(2, 0, dir.resolve("fleet"));
        CustomDomain first = sandbox.domain("fleet-001.example.com").orElseThrow();
        sandbox.holdServedCertificate(first.domain());
        SandboxHttp http = RUNNING.http();
        Path bundle = seed.folder().resolve(first.domain());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificate", Files.readString(bundle.resolve("cert.pem")));
        body.put("privateKey", Files.readString(bundle.resolve("key.pem")));
        body.put("certificateChain", Files.readString(bundle.resolve("chain.pem")));
        assertThat(http.call("PUT", "/api/v2/customdomains/" + first.id(), http.login(), body).statusCode())
                .isEqualTo(200);
        String deployedNow = sandbox.domain(first.domain()).orElseThrow().certificateFingerprint();

        assertThat(Fingerprints.sha256Hex(handshake(first.domain()).chain().get(0)))
                .isEqualTo(first.certificateFingerprint()).isNotEqualTo(deployedNow);

        sandbox.refuseHandshakes("fleet-002.example.com");
        assertThatThrownBy(() -> handshake("fleet-002.example.com")).isInstanceOf(GctlsException.class);

        sandbox.serveAsDeployed();
        assertThat(Fingerprints.sha256Hex(handshake(first.domain()).chain().get(0))).isEqualTo(deployedNow);
        assertThat(handshake("fleet-002.example.com").chain()).isNotEmpty();
        assertThat(json(http.get("/api/v2/customdomains?pageSize=1", http.login())).get("total").intValue())
                .isEqualTo(2);
    }
}
