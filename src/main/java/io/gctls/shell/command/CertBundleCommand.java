package io.gctls.shell.command;

import io.gctls.cert.CertInspector;
import io.gctls.cert.CertificateBundle;
import io.gctls.cert.Finding;
import io.gctls.cert.InspectRequest;
import io.gctls.cert.Inspection;
import io.gctls.cert.InspectionReport;
import io.gctls.cert.Pem;
import io.gctls.cert.Severity;
import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.gctls.payload.PayloadBuilder;
import io.gctls.shell.CertInputs;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.NewFile;
import io.gctls.shell.Opt;
import io.gctls.shell.Invocation;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cert bundle ... --out F}: the chain a server should send, as PEM: the leaf's issuers in
 * order up to the anchor, the root dropped, intermediates no file supplied fetched from their CA
 * Issuers (AIA) URLs, extras and repeats removed. Nothing is written when there is no valid path
 * (exit 3); otherwise the exit code follows the verdict, as for {@code cert inspect}.
 */
public class CertBundleCommand extends GctlsCommand {

    static final Opt<Path> OUT = OptionSpec.file("out", "the PEM file to create (must not exist)").mandatory();
    static final Opt<Boolean> WITH_LEAF = OptionSpec.flag("with-leaf",
            "write the leaf first, then the chain (a fullchain.pem)");


    private final CertInspector inspector;
    private final Environment environment;
    private final Metrics metrics;

    public CertBundleCommand(CertInspector inspector, Environment environment, Metrics metrics) {
        super("cert bundle", "Certificates",
                "Write the chain a server should send: ordered, root dropped, missing intermediates fetched (AIA)",
                List.of("cert bundle --cert leaf.pem --out chain.pem",
                        "cert bundle --cert leaf.pem --chain messy-chain.pem --trust root.pem --out chain.pem",
                        "cert bundle --cert site.p12 --password-file pw.txt --with-leaf --out fullchain.pem"),
                CertInputs.with("its private key, to check it belongs to the leaf (optional)",
                        OUT, WITH_LEAF));
        this.inspector = inspector;
        this.environment = environment;
        this.metrics = metrics;
    }

    /** What was written, and what it was made from. */
    public record BundleResult(String file, String leaf, List<String> chain, List<String> fetched,
            List<String> changes, String verdict, List<Finding> findings) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        Path out = invocation.get(OUT);
        InspectRequest request = CertInputs.request(invocation, environment);
        Inspection inspection;
        try (Metrics.Timer timer = metrics.start("validate")) {
            inspection = inspector.inspect(request, invocation.prompter(), invocation.cancellation());
        }
        InspectionReport report = inspection.report();
        if (report.pathBroken() || inspection.bundle().isEmpty()) {
            Finding first = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).findFirst()
                    .orElse(null);
            throw GctlsException.input("no chain to write: " + (first == null ? "no certificate could be read"
                    : first.code() + ": " + first.message()) + "; nothing was written to " + out);
        }
        CertificateBundle bundle = inspection.bundle().get();
        List<X509Certificate> certificates = new ArrayList<>();
        if (invocation.get(WITH_LEAF)) {
            certificates.add(bundle.leaf());
        }
        certificates.addAll(bundle.servingChain());
        NewFile.write(out, Pem.encode(certificates), StandardCharsets.US_ASCII, false);
        List<String> changes = PayloadBuilder.fixups(inspection).stream()
                .filter(f -> !f.contains(" key") && !f.startsWith("used the private key")).toList();
        BundleResult result = new BundleResult(out.toString(), CertificateBundle.quoted(bundle.leaf()),
                bundle.servingChain().stream().map(CertificateBundle::quoted).toList(),
                bundle.fetched().stream().map(f -> CertificateBundle.quoted(f.certificate()) + " from " + f.url())
                        .toList(), changes, report.verdict().label(), report.findings());
        return Outcome.of(result, CertBundleCommand::render, Outcome.exitCode(report.verdict()));
    }

    static void render(BundleResult r, Output out) {
        out.println("wrote " + (r.chain().isEmpty() ? "no intermediate (the leaf's issuer is the anchor)"
                : r.chain().size() + " certificate" + (r.chain().size() == 1 ? "" : "s") + " after the leaf "
                        + r.leaf() + ": " + String.join(", ", r.chain())) + " to " + r.file());
        r.fetched().forEach(f -> Views.field(out, "fetched", f));
        r.changes().forEach(c -> Views.field(out, "fixed", c));
        if (!r.findings().isEmpty()) {
            out.println("");
            out.println(out.style().bold("Findings:"));
            for (Finding f : r.findings()) {
                out.println("  " + out.style().severity(f.severity().name()) + "  " + f.code() + "  " + f.message());
            }
        }
        out.println("");
        out.println(out.style().bold("Verdict:") + " " + out.style().severity(r.verdict()));
    }
}
