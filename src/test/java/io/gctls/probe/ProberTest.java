package io.gctls.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.cert.CertInspector;
import io.gctls.cert.CertificateDetails;
import io.gctls.cert.Finding;
import io.gctls.cert.Severity;
import io.gctls.cert.Verdict;
import io.gctls.core.Cancellation;
import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import io.gctls.sandbox.RunningSandbox;
import io.gctls.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A probe against the sandbox's TLS front: what it reports, how it judges the served chain, how it fails. */
class ProberTest {

    private static final Path FIXTURES = Path.of(System.getProperty("gctls.projectDir", ".")).toAbsolutePath()
            .normalize().resolve("fixtures/certs");
    private static final Path ROOT = FIXTURES.resolve("pki/root-ca.pem");
    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults());

    @TempDir
    Path scratch;
    private Prober prober;

    @BeforeEach
    void fresh() {
        prober = new Prober(new CertInspector(Clock.systemUTC(), Environment.of(Map.of())));
    }

    @Test
    void reportsTheHandshakeAndTheServedChainOfAHealthyDeploy() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");

        ProbeReport report = prober.probe(sandboxProbe("www.example.com").withTrust(ROOT)
                .withExpectCert(FIXTURES.resolve("chain/leaf.pem")), Cancellation.never());

        assertThat(report.verdict()).as("%s", report.findings()).isEqualTo(Verdict.OK);
        assertThat(report.findings()).isEmpty();
        assertThat(report.host()).isEqualTo("www.example.com");
        assertThat(report.sni()).isEqualTo("www.example.com");
        assertThat(report.connectedTo()).isEqualTo("127.0.0.1:" + RUNNING.sandbox().tlsPort());
        assertThat(report.port()).isEqualTo(RUNNING.sandbox().tlsPort());
        assertThat(report.route()).isEqualTo(Route.SANDBOX);
        assertThat(report.routeNote()).contains("sandbox");
        assertThat(report.protocol()).isEqualTo("TLSv1.3");
        assertThat(report.cipherSuite()).startsWith("TLS_");
        assertThat(report.handshakeMs()).isPositive();
        assertThat(report.ocspStapled()).isFalse();
        assertThat(report.certificates()).extracting(CertificateDetails::role)
                .containsExactly("leaf", "intermediate", "intermediate", "anchor");
        assertThat(report.certificates()).extracting(CertificateDetails::source)
                .containsExactly("served", "served", "served", "trust");
        assertThat(report.certificates().get(0).sha256()).isEqualTo(Prober.colonHex(leaf("chain/leaf.pem")));
        assertThat(report.expected().matches()).isTrue();
        assertThat(report.expected().servedSha256()).isEqualTo(report.expected().sha256());
    }

    @Test
    void aServedLeafOtherThanTheExpectedOneIsAnErrorNamingBothFingerprints() throws Exception {
        deploy("www.example.com", "ok-ec/p256.pem", "ok-ec/p256.pkcs8.key", "ok-ec/chain.pem");

        ProbeReport report = prober.probe(sandboxProbe("www.example.com").withTrust(ROOT)
                .withExpectCert(FIXTURES.resolve("chain/leaf.pem")), Cancellation.never());

        assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(report.codes()).containsExactly(ProbeReport.UNEXPECTED_CERT);
        Finding finding = report.findings().get(0);
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).contains(Prober.colonHex(leaf("ok-ec/p256.pem")))
                .contains(Prober.colonHex(leaf("chain/leaf.pem"))).contains("--expect-cert");
        assertThat(report.expected().matches()).isFalse();
    }

    @Test
    void aChainServedOutOfOrderIsAWarningWordedForAServer() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain-out-of-order/chain.pem");

        ProbeReport report = prober.probe(sandboxProbe("www.example.com").withTrust(ROOT), Cancellation.never());

        assertThat(report.verdict()).isEqualTo(Verdict.WARN);
        assertThat(report.codes()).containsExactly("chain-out-of-order");
        assertThat(report.findings().get(0).message()).startsWith("the served certificates come in the order ");
        assertNoFileWording(report);
    }

    @Test
    void aServerThatSendsOnlyTheLeafHasAnIncompleteChain() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", null);

        ProbeReport report = prober.probe(sandboxProbe("www.example.com").withTrust(ROOT), Cancellation.never());

        assertThat(report.codes()).containsExactly("chain-incomplete");
        assertThat(report.findings().get(0).message()).contains("neither in the served chain nor in --trust")
                .contains("the server must send the missing intermediate after the leaf");
        assertNoFileWording(report);
    }

    @Test
    void theRootSentAlongIsAWarningAndAnExtraCertificateToo() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "root-included/chain.pem");
        deploy("api.example.com", "chain/leaf.pem", "chain/leaf.key", "extra-cert/chain.pem");

        ProbeReport rooted = prober.probe(sandboxProbe("www.example.com").withTrust(ROOT), Cancellation.never());
        ProbeReport extra = prober.probe(sandboxProbe("api.example.com").withTrust(ROOT), Cancellation.never());

        assertThat(rooted.codes()).containsExactly("root-included");
        assertThat(rooted.findings().get(0).message()).endsWith("; servers need not send it");
        assertThat(extra.codes()).contains("extra-cert");
        assertNoFileWording(rooted);
        assertNoFileWording(extra);
    }

    @Test
    void aWeakSignatureIsSeenAndReportedRatherThanRefusedByTheHandshake() throws Exception {
        deploy("www.example.com", "weak-signature-sha1/leaf.pem", "weak-signature-sha1/leaf.key",
                "weak-signature-sha1/chain.pem");

        ProbeReport report = prober.probe(sandboxProbe("www.example.com").withTrust(ROOT), Cancellation.never());

        assertThat(report.codes()).contains("weak-signature");
        assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void theNameProbedIsJudgedAgainstWhatWasServed() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");

        // shop.example.org is not deployed: the sandbox serves its default (first) certificate
        ProbeReport report = prober.probe(connectProbe("shop.example.org").withTrust(ROOT), Cancellation.never());

        assertThat(report.codes()).containsExactly("domain-mismatch");
        assertThat(report.sni()).isEqualTo("shop.example.org");
        assertThat(report.route()).isEqualTo(Route.CONNECT);
        assertThat(report.routeNote()).isEqualTo("--connect 127.0.0.1:" + RUNNING.sandbox().tlsPort()
                + ", sending shop.example.org as SNI");
    }

    @Test
    void anIpAddressSendsNoSniAndIsJudgedAsAnAddress() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");
        HostPort ip = new HostPort("127.0.0.1", RUNNING.sandbox().tlsPort(), true);

        ProbeReport report = prober.probe(ProbeRequest.of(ip).withTrust(ROOT), Cancellation.never());

        assertThat(report.sni()).isEmpty();
        assertThat(report.routeNote()).isEmpty();
        assertThat(report.codes()).containsExactly("domain-mismatch");
    }

    @Test
    void withoutTrustTheJdkStoreJudgesAndFindsNoPathToOurTestRoot() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");

        ProbeReport report = prober.probe(sandboxProbe("www.example.com"), Cancellation.never());

        assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(report.findings().get(0).message()).contains("the JDK trust store");
    }

    @Test
    void theServedChainIsJudgedAsServedWithoutATemporaryFile() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");
        java.util.Set<Path> before = temporaryFiles();

        ProbeReport report = prober.probe(sandboxProbe("www.example.com").withTrust(ROOT), Cancellation.never());

        assertThat(report.certificates()).extracting(c -> c.source()).containsExactly("served", "served", "served",
                "trust");
        assertThat(temporaryFiles()).isEqualTo(before);
    }

    private static java.util.Set<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("gctls-probe-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void aClosedPortFailsWithOneLineAndExitSix() throws IOException {
        int closed = closedPort();

        assertThatThrownBy(() -> prober.probe(ProbeRequest.of(new HostPort("127.0.0.1", closed, true)),
                Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE))
                .hasMessage("probe 127.0.0.1:" + closed + " failed: connection refused (nothing listens on that port)");
        assertThatThrownBy(() -> prober.probe(ProbeRequest.of(new HostPort("www.example.com", 443, false))
                .connectingTo(new HostPort("127.0.0.1", closed, true), Route.CONNECT), Cancellation.never()))
                .hasMessageStartingWith("probe www.example.com via 127.0.0.1:" + closed
                        + " failed: connection refused");
    }

    @Test
    void aPortThatDoesNotSpeakTlsSaysSo() {
        assertThatThrownBy(() -> prober.probe(ProbeRequest.of(new HostPort("127.0.0.1", RUNNING.sandbox().port(), true)),
                Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE))
                .hasMessageEndingWith("failed: the server did not answer with TLS (a plain-HTTP port?)");
    }

    @Test
    void withNothingDeployedTheSandboxRefusesTheHandshake() {
        assertThatThrownBy(() -> prober.probe(connectProbe("www.example.com"), Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE))
                .hasMessageContaining("TLS handshake failed");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        // the listen backlog completes the TCP connect; nobody ever answers the ClientHello
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HostPort address = new HostPort("127.0.0.1", silent.getLocalPort(), true);
            ProbeRequest request = ProbeRequest.of(address).withTimeout(Duration.ofMillis(300));

            assertThatThrownBy(() -> prober.probe(request, Cancellation.never()))
                    .isInstanceOfSatisfying(GctlsException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE))
                    .hasMessageEndingWith("failed: no answer within 300 ms");
        }
    }

    @Test
    void cancellingClosesTheConnectionAndSaysSo() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cancellation cancellation = Cancellation.create();
            cancellation.cancel(); // already pressed: the socket is closed as soon as it is registered
            ProbeRequest request = ProbeRequest.of(new HostPort("127.0.0.1", silent.getLocalPort(), true));

            assertThatThrownBy(() -> prober.probe(request, cancellation))
                    .isInstanceOfSatisfying(GctlsException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
        }
    }

    @Test
    void anUnreadableExpectedCertificateFailsBeforeAnyConnection() throws IOException {
        int closed = closedPort();
        ProbeRequest missing = ProbeRequest.of(new HostPort("127.0.0.1", closed, true))
                .withExpectCert(scratch.resolve("nope.pem"));
        ProbeRequest key = ProbeRequest.of(new HostPort("127.0.0.1", closed, true))
                .withExpectCert(FIXTURES.resolve("chain/leaf.key"));

        assertThatThrownBy(() -> prober.probe(missing, Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT));
        assertThatThrownBy(() -> prober.probe(key, Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT))
                .hasMessage("--expect-cert " + FIXTURES.resolve("chain/leaf.key") + " holds no certificate "
                        + "(cert-is-key); give the certificate the server should serve, PEM or DER");
    }

    // ------------------------------------------------------------------ helpers

    private static void assertNoFileWording(ProbeReport report) {
        for (Finding finding : report.findings()) {
            assertThat(finding.message()).as(finding.code())
                    .doesNotContain("--cert").doesNotContain("--chain").doesNotContain("payload")
                    .doesNotContain("gctls-probe-").doesNotContain("supplied").doesNotContain("--key");
        }
    }

    private static ProbeRequest sandboxProbe(String host) {
        return ProbeRequest.of(new HostPort(host, 443, false))
                .connectingTo(new HostPort("127.0.0.1", RUNNING.sandbox().tlsPort(), true), Route.SANDBOX);
    }

    private static ProbeRequest connectProbe(String host) {
        return ProbeRequest.of(new HostPort(host, 443, false))
                .connectingTo(new HostPort("127.0.0.1", RUNNING.sandbox().tlsPort(), true), Route.CONNECT);
    }

    private static void deploy(String domain, String cert, String key, String chain) throws IOException {
        RUNNING.sandbox().putDomain(domain, read(cert), read(key), chain == null ? null : read(chain));
    }

    private static String read(String fixture) throws IOException {
        return Files.readString(FIXTURES.resolve(fixture), StandardCharsets.US_ASCII);
    }

    private static X509Certificate leaf(String fixture) throws Exception {
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(fixture))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** A loopback port nobody listens on: bound by us a moment ago, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
