package io.gctls.shell;

import io.gctls.cert.CertificateDetails;
import io.gctls.cert.Finding;
import io.gctls.cert.InspectionReport;
import io.gctls.cert.NetworkReport;
import io.gctls.cert.Severity;

/**
 * The one text view of a certificate report, for {@code cert inspect} (the files given) and
 * {@code probe} (the chain a server sent): each certificate's facts, the findings, what was
 * fetched, and the verdict.
 */
public final class CertificateReportView {

    private CertificateReportView() {
    }

    public static void render(InspectionReport report, Output out) {
        for (CertificateDetails c : report.certificates()) {
            certificate(c, out);
            out.println("");
        }
        if (report.findings().isEmpty()) {
            out.println("No findings.");
        } else {
            out.println(out.style().bold("Findings:"));
            int width = report.findings().stream().mapToInt(f -> f.code().length()).max().orElse(10);
            for (Finding f : report.findings()) {
                String severity = f.severity().name();
                out.println("  " + out.style().severity(severity) + " ".repeat(Math.max(1, 6 - severity.length()))
                        + " " + pad(f.code(), width) + "  " + f.message());
            }
        }
        network(report.network(), out);
        out.println("");
        out.println(out.style().bold("Verdict:") + " " + out.style().severity(report.verdict().label())
                + " (" + Views.plural(count(report, Severity.ERROR), "error") + ", "
                + Views.plural(count(report, Severity.WARN), "warning") + ")");
    }

    /** What was fetched (AIA, OCSP, CRL), or, once, what --offline left out. */
    private static void network(NetworkReport network, Output out) {
        if (network == null) {
            return;
        }
        if (network.offline()) {
            out.println("");
            out.println(out.style().bold("Network:") + " --offline: no AIA, OCSP or CRL fetch"
                    + (network.skipped().isEmpty() ? "" : " (left out: " + String.join(", ", network.skipped()) + ")"));
        }
        if (!network.fetches().isEmpty()) {
            out.println("");
            out.println(out.style().bold("Fetched:"));
            for (NetworkReport.Fetch f : network.fetches()) {
                Views.field(out, f.purpose(), f.url() + "  " + f.outcome() + (f.ms() > 0 ? " (" + f.ms() + " ms)" : ""));
            }
        }
    }

    private static void certificate(CertificateDetails c, Output out) {
        // a probe's certificates were "served"; the inspector's came from an option (--cert, --chain, --trust)
        String source = c.source().equals("served") ? "served" : "from --" + c.source();
        out.println(out.style().bold("Certificate " + c.index() + ": " + c.role()) + " (" + source + ")");
        Views.field(out, "subject", c.subject());
        Views.field(out, "issuer", c.issuer());
        Views.field(out, "serial", c.serial());
        Views.field(out, "SANs", c.sans().isEmpty() ? "none" : String.join(", ", c.sans()));
        Views.field(out, "valid", c.notBefore() + " to " + c.notAfter() + " (" + Views.daysLeft(c.daysLeft()) + ")");
        Views.field(out, "key", c.keyType() + (c.keyType().contains(" ") ? "" : " " + c.keySize()));
        Views.field(out, "signature", c.signatureAlgorithm());
        Views.field(out, "SHA-256", Views.fingerprint(c.sha256()));
        Views.field(out, "OCSP", Views.list(c.ocsp()));
        Views.field(out, "CA issuers", Views.list(c.caIssuers()));
        Views.field(out, "CRL", Views.list(c.crl()));
        Views.field(out, "revocation", c.revocation());
        Views.field(out, "SCTs", c.scts() ? "embedded" : "none embedded");
        if (c.ca()) {
            Views.field(out, "CA", c.selfSigned() ? "yes, self-signed" : "yes");
        }
    }

    private static long count(InspectionReport report, Severity severity) {
        return report.findings().stream().filter(f -> f.severity() == severity).count();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
