package io.gctls.shell.command;

import io.gctls.cert.CertInspector;
import io.gctls.cert.CertificateDetails;
import io.gctls.cert.Finding;
import io.gctls.cert.InspectRequest;
import io.gctls.cert.Inspection;
import io.gctls.cert.InspectionReport;
import io.gctls.cert.NetworkReport;
import io.gctls.cert.Severity;
import io.gctls.cert.Verdict;
import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.core.Metrics;
import io.gctls.shell.CertInputs;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import java.util.List;

/**
 * {@code cert inspect}: every check of SPEC §4 on a certificate, its key and chain, and one verdict.
 * Exit 3 on an error verdict (or an unreadable file), warnings succeed unless {@code --strict}.
 */
public class CertInspectCommand extends GctlsCommand {

    private final CertInspector inspector;
    private final Environment environment;
    private final Metrics metrics;

    public CertInspectCommand(CertInspector inspector, Environment environment, Metrics metrics) {
        super("cert inspect", "Certificates",
                "Check a certificate, its key and chain before anything is sent: every check, one verdict",
                List.of("cert inspect --cert leaf.pem --key leaf.key --chain chain.pem --domain www.example.com",
                        "cert inspect --cert fullchain.pem --key leaf.key --trust root.pem --output json",
                        "cert inspect --cert leaf.der --key leaf.enc.key --password-file key.pass",
                        "cert inspect --cert leaf.pem --warn-days 60 --strict"),
                CertInputs.with("its private key: PKCS#1, PKCS#8, SEC1, encrypted or not"));
        this.inspector = inspector;
        this.environment = environment;
        this.metrics = metrics;
    }

    @Override
    public Outcome run(Invocation invocation) {
        InspectRequest request = CertInputs.request(invocation, environment);
        Inspection inspection;
        try (Metrics.Timer timer = metrics.start("validate")) {
            inspection = inspector.inspect(request, invocation.prompter(), invocation.cancellation());
        }
        InspectionReport report = inspection.report();
        return Outcome.of(report, CertInspectCommand::render, exitCode(report.verdict()));
    }

    static ExitCode exitCode(Verdict verdict) {
        return switch (verdict) {
            case ERROR -> ExitCode.INPUT;
            case WARN -> ExitCode.WARNINGS;
            case OK -> ExitCode.OK;
        };
    }

    // ----------------------------------------------------------------------------- text view

    static void render(InspectionReport report, Output out) {
        for (CertificateDetails c : report.certificates()) {
            renderCertificate(c, out);
            out.println("");
        }
        if (report.findings().isEmpty()) {
            out.println("No findings.");
        } else {
            out.println(out.style().bold("Findings:"));
            int width = report.findings().stream().mapToInt(f -> f.code().length()).max().orElse(10);
            for (Finding f : report.findings()) {
                String severity = pad(f.severity().name(), 5);
                out.println("  " + out.style().severity(severity.strip()) + severity.substring(f.severity().name()
                        .length()) + "  " + pad(f.code(), width) + "  " + f.message());
            }
        }
        renderNetwork(report.network(), out);
        out.println("");
        out.println(out.style().bold("Verdict:") + " " + out.style().severity(report.verdict().label())
                + " (" + count(report, Severity.ERROR, "error") + ", " + count(report, Severity.WARN, "warning") + ")");
    }

    /** What was fetched (AIA, OCSP, CRL), or, once, what --offline left out. */
    private static void renderNetwork(NetworkReport network, Output out) {
        if (network.offline()) {
            out.println("");
            out.println(out.style().bold("Network:") + " --offline: no AIA, OCSP or CRL fetch"
                    + (network.skipped().isEmpty() ? "" : " (left out: " + String.join(", ", network.skipped()) + ")"));
        }
        if (!network.fetches().isEmpty()) {
            out.println("");
            out.println(out.style().bold("Fetched:"));
            for (NetworkReport.Fetch f : network.fetches()) {
                out.println("  " + pad(f.purpose(), 11) + f.url() + "  " + f.outcome()
                        + (f.ms() > 0 ? " (" + f.ms() + " ms)" : ""));
            }
        }
    }

    private static void renderCertificate(CertificateDetails c, Output out) {
        // a probe's certificates were "served"; the inspector's came from an option (--cert, --chain, --trust)
        String source = c.source().equals("served") ? "served" : "from --" + c.source();
        out.println(out.style().bold("Certificate " + c.index() + ": " + c.role()) + " (" + source + ")");
        row(out, "subject", c.subject());
        row(out, "issuer", c.issuer());
        row(out, "serial", c.serial());
        row(out, "SANs", c.sans().isEmpty() ? "none" : String.join(", ", c.sans()));
        row(out, "valid", c.notBefore() + " to " + c.notAfter() + " (" + daysLeft(c.daysLeft()) + ")");
        row(out, "key", c.keyType() + (c.keyType().contains(" ") ? "" : " " + c.keySize()));
        row(out, "signature", c.signatureAlgorithm());
        row(out, "SHA-256", c.sha256());
        row(out, "OCSP", list(c.ocsp()));
        row(out, "CA issuers", list(c.caIssuers()));
        row(out, "CRL", list(c.crl()));
        row(out, "revocation", c.revocation());
        row(out, "SCTs", c.scts() ? "embedded" : "none embedded");
        if (c.ca()) {
            row(out, "CA", c.selfSigned() ? "yes, self-signed" : "yes");
        }
    }

    private static void row(Output out, String name, String value) {
        out.println("  " + pad(name, 11) + value);
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "-" : String.join(", ", values);
    }

    private static String daysLeft(long days) {
        if (days < 0) {
            return "expired " + -days + (days == -1 ? " day ago" : " days ago");
        }
        return days + (days == 1 ? " day left" : " days left");
    }

    private static String count(InspectionReport report, Severity severity, String noun) {
        long n = report.findings().stream().filter(f -> f.severity() == severity).count();
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

}
