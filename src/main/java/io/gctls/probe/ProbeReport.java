package io.gctls.probe;

import io.gctls.cert.CertificateDetails;
import io.gctls.cert.Finding;
import io.gctls.cert.NetworkReport;
import io.gctls.cert.Verdict;
import java.util.List;

/**
 * What {@code probe} reports: where it connected and how, what the handshake negotiated, the
 * served chain with the same details {@code cert inspect} shows, and the verdict of the docs/findings.md
 * checks on that chain for the probed name. The JSON document is exactly this record.
 *
 * @param host the name probed: sent as SNI and judged against
 * @param port the port connected to
 * @param connectedTo the address connected to, {@code ip:port}
 * @param sni the SNI name sent; empty when HOST is an IP address
 * @param connectMs TCP connect time
 * @param handshakeMs TLS handshake time, after the connect
 * @param expected the {@code --expect-cert} comparison, or null without it
 * @param certificates the served chain in the order served, leaf first, then the trust anchor the
 *     path ends at when the server did not send it ({@code source} is {@code served} or {@code trust})
 */
public record ProbeReport(String host, int port, String connectedTo, Route route, String routeNote, String sni,
        String protocol, String cipherSuite, double connectMs, double handshakeMs, boolean ocspStapled,
        ExpectedCertificate expected, Verdict verdict, List<Finding> findings,
        List<CertificateDetails> certificates, NetworkReport network) {

    /** Error code of a served leaf that is not the {@code --expect-cert} certificate. */
    public static final String UNEXPECTED_CERT = "unexpected-cert";

    public ProbeReport {
        findings = List.copyOf(findings);
        certificates = List.copyOf(certificates);
    }

    /**
     * @param file the {@code --expect-cert} file
     * @param sha256 its leaf's SHA-256, colon-separated upper-case hex like {@code cert inspect} shows
     * @param servedSha256 the served leaf's
     */
    public record ExpectedCertificate(String file, String sha256, String servedSha256, boolean matches) {
    }

    public List<String> codes() {
        return findings.stream().map(Finding::code).toList();
    }
}
