package io.gctls.shell.command;

import io.gctls.api.Attempt;
import io.gctls.api.Waits;
import io.gctls.auth.ApiSession;
import io.gctls.core.ExitCode;
import io.gctls.core.Metrics;
import io.gctls.deploy.CustomDomains;
import io.gctls.deploy.DeployResult;
import io.gctls.deploy.Deployer;
import io.gctls.payload.BuiltPayload;
import io.gctls.payload.PayloadPreview;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.PayloadFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code deploy}: validate, build, send (SPEC §5). A certificate verdict of error stops before
 * anything is sent; {@code --dry-run} prints the redacted body and sends nothing.
 */
@Component
public class DeployCommand extends GctlsCommand {

    private final PayloadFactory factory;
    private final ApiAccess access;
    private final Clock clock;
    private final Metrics metrics;

    public DeployCommand(PayloadFactory factory, ApiAccess access, Clock clock, Metrics metrics) {
        super("deploy", "Deploy", "Validate, build and deploy a certificate to a custom domain (never twice)",
                List.of("deploy --domain www.example.com --cert leaf.pem --key leaf.key --chain chain.pem",
                        "deploy --domain www.example.com --cert leaf.pem --key leaf.key --dry-run",
                        "deploy --domain www.example.com --cert new.pem --key new.key --replace --verbose"),
                PayloadFactory.options(
                        OptionSpec.flag("dry-run", "print exactly what would be sent (key redacted); send nothing"),
                        OptionSpec.flag("replace", "the domain exists: put this certificate on it (PUT)"),
                        OptionSpec.flag("verbose", "show each request's status and inin-correlation-id").shortName('v')));
        this.factory = factory;
        this.access = access;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** What deploy reports: the deploy's result plus what the payload builder fixed and warned about. */
    public record DeployReport(DeployResult deploy, List<String> fixups, List<String> warnings) {
    }

    /** What {@code --dry-run} reports. */
    public record DryRun(boolean dryRun, String wouldSend, PayloadPreview payload) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        try (Metrics.Timer total = metrics.start("total")) {
            BuiltPayload built = factory.build(invocation);
            ExitCode verdictCode = PayloadPreviewCommand.exitCode(built);
            if (invocation.flag("dry-run")) {
                return dryRun(built, verdictCode);
            }
            ApiSession.Connected connected = access.connected(invocation);
            CustomDomains domains = DomainsListCommand.domains(connected, invocation);
            Deployer deployer = new Deployer(domains, connected.connection().retry(),
                    connected.client().executor().backoff(), clock, metrics, connected.client()::pause);
            DeployResult result = deployer.deploy(built.payload(), built.leafFingerprint(), invocation.flag("replace"),
                    invocation.cancellation(), invocation.out()::note);
            boolean verbose = invocation.flag("verbose");
            return Outcome.of(new DeployReport(result, built.fixups(), built.warnings()),
                    (report, out) -> render(report, verbose, out), verdictCode);
        }
    }

    private static Outcome dryRun(BuiltPayload built, ExitCode verdictCode) {
        DryRun dryRun = new DryRun(true, "GET " + CustomDomains.DEFAULT_PATH + "?domain=" + built.payload().domain()
                + ", then POST " + CustomDomains.DEFAULT_PATH + " (or PUT with --replace) with this body",
                PayloadPreview.of(built));
        return Outcome.of(dryRun, (r, out) -> {
            out.println("dry run: nothing was sent. Would " + r.wouldSend() + ":");
            PayloadPreviewCommand.render(r.payload(), out);
        }, verdictCode);
    }

    static void render(DeployReport report, boolean verbose, Output out) {
        DeployResult r = report.deploy();
        String verb = switch (r.action()) {
            case DeployResult.CREATED -> "deployed";
            case DeployResult.REPLACED -> "replaced the certificate of";
            default -> "nothing to do for";
        };
        out.println(out.style().ok(verb) + " " + out.style().bold(r.domain()) + (r.id().isEmpty() ? ""
                : " (id " + r.id() + ")"));
        row(out, "status", r.status());
        row(out, "created", r.createdDate());
        row(out, "SHA-256", r.certificateFingerprint());
        row(out, "requests", r.attempts() + (r.totalWaitMs() > 0 ? ", waited " + Waits.format(Duration.ofMillis(
                r.totalWaitMs())) : "") + (r.reconciled() ? ", reconciled after an unclear answer" : ""));
        r.notes().forEach(n -> row(out, "note", n));
        report.fixups().forEach(f -> row(out, "fixed", f));
        report.warnings().forEach(w -> row(out, out.style().warn("warning"), w));
        if (verbose) {
            List<Attempt> requests = r.requests();
            for (int i = 0; i < requests.size(); i++) {
                row(out, "request", (i + 1) + ". " + requests.get(i).summary());
            }
        }
    }

    private static void row(Output out, String label, String value) {
        if (value != null && !value.isEmpty()) {
            out.println(String.format("  %-10s %s", label, value));
        }
    }
}
