package io.gctls.probe;

import io.gctls.cert.CertInspector;
import io.gctls.cert.CertificateBundle;
import io.gctls.cert.CryptoFile;
import io.gctls.cert.Finding;
import io.gctls.cert.Fingerprints;
import io.gctls.cert.InspectOptions;
import io.gctls.cert.InspectRequest;
import io.gctls.cert.Inspection;
import io.gctls.cert.InspectionReport;
import io.gctls.cert.Material;
import io.gctls.cert.Severity;
import io.gctls.cert.Verdict;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Prompter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code probe}: one live TLS handshake ({@link TlsHandshake}), then every check that applies to a
 * served chain, for the probed name, by the same {@link CertInspector} as {@code cert inspect}: the
 * served certificates are handed to it as material labelled "served by HOST:PORT", so its findings
 * speak of the served chain themselves.
 *
 * <p>With an expected certificate, a served leaf with another SHA-256 is an ERROR
 * ({@value ProbeReport#UNEXPECTED_CERT}) naming both fingerprints.
 */
public final class Prober {

    private final CertInspector inspector;

    public Prober(CertInspector inspector) {
        this.inspector = inspector;
    }

    /**
     * @throws GctlsException exit 6 when the connection or handshake fails, exit 3 when the
     *     {@code --expect-cert} or {@code --trust} file cannot be read, exit 130 when cancelled
     */
    public ProbeReport probe(ProbeRequest request, Cancellation cancellation) {
        // read the files first: a typo in a path fails before any network traffic
        Optional<X509Certificate> expected = request.expectCert().map(file -> expectedLeaf(file, request));
        Optional<CryptoFile> trust = Material.readTrust(request.trust(), cancellation);
        TlsHandshake.Served served = TlsHandshake.probe(request.target(), request.address(), request.timeout(),
                cancellation);
        if (served.chain().isEmpty()) {
            throw new GctlsException(ExitCode.UNAVAILABLE, "probe " + request.address() + " failed: the server "
                    + "sent no certificate");
        }
        InspectionReport judged = inspector.inspect(Material.served(request.target().toString(), served.chain(),
                trust, served.stapledOcsp()), InspectOptions.forDomain(request.target().host(), request.warnDays())
                        .offline(request.offline()), Prompter.none(), cancellation).report();
        List<Finding> findings = new ArrayList<>(judged.findings());
        ProbeReport.ExpectedCertificate comparison = null;
        if (expected.isPresent()) {
            X509Certificate leaf = served.chain().get(0);
            comparison = new ProbeReport.ExpectedCertificate(request.expectCert().get().toString(),
                    colonHex(expected.get()), colonHex(leaf), Fingerprints.sha256Hex(leaf).equals(
                            Fingerprints.sha256Hex(expected.get())));
            if (!comparison.matches()) {
                findings.add(0, Finding.other(Severity.ERROR, ProbeReport.UNEXPECTED_CERT, "the server sent the leaf "
                        + CertificateBundle.quoted(leaf) + " (SHA-256 " + comparison.servedSha256()
                        + "), not the expected " + CertificateBundle.quoted(expected.get()) + " of --expect-cert "
                        + comparison.file() + " (SHA-256 " + comparison.sha256() + ")", leaf, Map.of("file",
                                comparison.file(), "sha256", comparison.sha256(), "servedSha256",
                                comparison.servedSha256())).at(0));
            }
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed());
        return new ProbeReport(request.target().host(), served.port(), served.connectedTo(), request.route(),
                routeNote(request), served.sni(), served.protocol(), served.cipherSuite(), millis(served.connect()),
                millis(served.handshake()), served.ocspStapled(), comparison, Verdict.of(findings), findings,
                judged.certificates(), judged.network());
    }

    private X509Certificate expectedLeaf(Path file, ProbeRequest request) {
        InspectRequest read = InspectRequest.of(file).withTrust(request.trust().orElse(null));
        Inspection inspection = inspector.inspect(read, Prompter.none());
        return inspection.bundle().map(CertificateBundle::leaf).orElseThrow(() -> GctlsException.input(
                "--expect-cert " + file + " holds no certificate ("
                        + inspection.report().findings().stream().filter(f -> f.severity() == Severity.ERROR)
                                .map(Finding::code).distinct().collect(Collectors.joining(", "))
                        + "); give the certificate the server should serve, PEM or DER"));
    }

    private static String routeNote(ProbeRequest request) {
        if (!request.note().isEmpty()) {
            return request.note();
        }
        return switch (request.route()) {
            case SANDBOX -> "the sandbox's TLS port: " + request.target().host() + " is deployed in the sandbox";
            case CONNECT -> "--connect " + request.address() + ", sending " + request.target().host() + " as SNI";
            case DIRECT -> "";
        };
    }

    /** SHA-256 as {@code cert inspect} shows it: colon-separated upper-case hex. */
    static String colonHex(X509Certificate certificate) {
        String hex = Fingerprints.sha256Hex(certificate).toUpperCase(Locale.ROOT);
        StringBuilder colons = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            colons.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return colons.toString();
    }

    private static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 100_000.0) / 10.0;
    }
}
