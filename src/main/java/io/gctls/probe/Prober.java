package io.gctls.probe;

import io.gctls.cert.CertInspector;
import io.gctls.cert.CertificateBundle;
import io.gctls.cert.CertificateDetails;
import io.gctls.cert.Finding;
import io.gctls.cert.Fingerprints;
import io.gctls.cert.InspectRequest;
import io.gctls.cert.Inspection;
import io.gctls.cert.InspectionReport;
import io.gctls.cert.Pem;
import io.gctls.cert.Severity;
import io.gctls.cert.Verdict;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Prompter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * {@code probe}: one live TLS handshake ({@link TlsHandshake}), then every SPEC §4 check that
 * applies to a served chain, for the probed name, through the same {@link CertInspector} as
 * {@code cert inspect}: the chain is written to a temporary file (owner-only, deleted right
 * after) and inspected as a {@code --cert} file holding a leaf followed by its chain, which is
 * exactly what a server sends. That keeps one implementation of the checks (path building against
 * {@code --trust} or the JDK store, order, completeness, expiry, name, weak crypto, key usage)
 * and uses only the inspector's public API; the findings are then reworded for a served chain
 * ({@link ServedChainWording}).
 *
 * <p>With an expected certificate, a served leaf with another SHA-256 is an ERROR
 * ({@value ProbeReport#UNEXPECTED_CERT}) naming both fingerprints.
 */
public final class Prober {

    private final CertInspector inspector;
    private final Path scratch;

    public Prober(CertInspector inspector) {
        this(inspector, null);
    }

    /** @param scratch where the temporary chain file goes; null for the system's temporary folder */
    Prober(CertInspector inspector, Path scratch) {
        this.inspector = inspector;
        this.scratch = scratch;
    }

    /**
     * @throws GctlsException exit 6 when the connection or handshake fails, exit 3 when the
     *     {@code --expect-cert} or {@code --trust} file cannot be read, exit 130 when cancelled
     */
    public ProbeReport probe(ProbeRequest request, Cancellation cancellation) {
        // read the expected certificate first: a typo in its path fails before any network traffic
        Optional<X509Certificate> expected = request.expectCert().map(file -> expectedLeaf(file, request));
        TlsHandshake.Served served = TlsHandshake.probe(request.target(), request.address(), request.timeout(),
                cancellation);
        if (served.chain().isEmpty()) {
            throw new GctlsException(ExitCode.UNAVAILABLE, "probe " + request.address() + " failed: the server "
                    + "sent no certificate");
        }
        Judged judged = judge(served.chain(), request);
        List<Finding> findings = new ArrayList<>(judged.findings());
        ProbeReport.ExpectedCertificate comparison = null;
        if (expected.isPresent()) {
            X509Certificate leaf = served.chain().get(0);
            comparison = new ProbeReport.ExpectedCertificate(request.expectCert().get().toString(),
                    colonHex(expected.get()), colonHex(leaf), Fingerprints.sha256Hex(leaf).equals(
                            Fingerprints.sha256Hex(expected.get())));
            if (!comparison.matches()) {
                findings.add(0, new Finding(Severity.ERROR, ProbeReport.UNEXPECTED_CERT, "the server sent the leaf "
                        + quoted(leaf) + " (SHA-256 " + comparison.servedSha256() + "), not the expected "
                        + quoted(expected.get()) + " of --expect-cert " + comparison.file() + " (SHA-256 "
                        + comparison.sha256() + ")", label(leaf)));
            }
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed());
        return new ProbeReport(request.target().host(), served.port(), served.connectedTo(), request.route(),
                routeNote(request), served.sni(), served.protocol(), served.cipherSuite(), millis(served.connect()),
                millis(served.handshake()), served.ocspStapled(), comparison, Verdict.of(findings), findings,
                judged.certificates());
    }

    private record Judged(List<Finding> findings, List<CertificateDetails> certificates) {
    }

    private Judged judge(List<X509Certificate> chain, ProbeRequest request) {
        Path file = writeChain(chain);
        try {
            InspectRequest inspect = InspectRequest.of(file).withDomain(request.target().host())
                    .withWarnDays(request.warnDays()).withTrust(request.trust().orElse(null));
            InspectionReport report = inspector.inspect(inspect, Prompter.none()).report();
            String served = "--cert " + file;
            return new Judged(report.findings().stream().map(f -> ServedChainWording.reword(f, served)).toList(),
                    report.certificates().stream().map(Prober::asServed).toList());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover of public certificates in a temporary folder; nothing secret is in it
            }
        }
    }

    /** The chain as PEM, leaf first as served, in a file only the owner can read (it never holds a key). */
    Path writeChain(List<X509Certificate> chain) {
        try {
            Path file;
            try {
                file = scratch == null
                        ? Files.createTempFile("gctls-probe-", ".pem", PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")))
                        : Files.createTempFile(scratch, "gctls-probe-", ".pem", PosixFilePermissions
                                .asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                file = scratch == null ? Files.createTempFile("gctls-probe-", ".pem")
                        : Files.createTempFile(scratch, "gctls-probe-", ".pem"); // not POSIX: the platform default
            }
            Files.writeString(file, Pem.encode(chain), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw GctlsException.input("cannot write the served chain to a temporary file to check it: "
                    + e.getMessage(), e);
        }
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

    private static CertificateDetails asServed(CertificateDetails c) {
        String source = c.source().equals("cert") ? "served" : c.source();
        return new CertificateDetails(c.index(), c.role(), source, c.subject(), c.issuer(), c.serial(), c.sans(),
                c.notBefore(), c.notAfter(), c.daysLeft(), c.keyType(), c.keySize(), c.signatureAlgorithm(),
                c.sha256(), c.ocsp(), c.caIssuers(), c.crl(), c.scts(), c.ca(), c.selfSigned());
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

    private static String quoted(X509Certificate certificate) {
        return "'" + label(certificate) + "'";
    }

    /** The subject CN, else the whole subject: how findings name a certificate. */
    private static String label(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        try {
            List<Rdn> rdns = new LdapName(subject).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) { // index 0 is the right-most RDN: start from the left
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
        } catch (InvalidNameException e) {
            // an RFC 2253 name the JDK printed itself always parses; the subject as a whole is the fallback
        }
        return subject;
    }

    private static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 100_000.0) / 10.0;
    }
}
