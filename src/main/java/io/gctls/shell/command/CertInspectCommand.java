package io.gctls.shell.command;

import io.gctls.cert.CertInspector;
import io.gctls.cert.InspectRequest;
import io.gctls.cert.Inspection;
import io.gctls.cert.InspectionReport;
import io.gctls.core.Environment;
import io.gctls.core.Metrics;
import io.gctls.shell.CertInputs;
import io.gctls.shell.CertificateReportView;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import java.util.List;

/**
 * {@code cert inspect}: every check of docs/findings.md on a certificate, its key and chain, and one verdict.
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
        return Outcome.of(report, CertificateReportView::render, Outcome.exitCode(report.verdict()));
    }
}
