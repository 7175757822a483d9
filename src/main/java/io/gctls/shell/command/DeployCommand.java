package io.gctls.shell.command;

import io.gctls.api.Attempt;
import io.gctls.api.Waits;
import io.gctls.audit.AuditSettings;
import io.gctls.audit.AuditSighting;
import io.gctls.audit.AuditWatch;
import io.gctls.auth.ApiSession;
import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.gctls.deploy.CustomDomains;
import io.gctls.deploy.DeployResult;
import io.gctls.deploy.Deployer;
import io.gctls.payload.BuiltPayload;
import io.gctls.payload.PayloadPreview;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.ConnectionOptions;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import io.gctls.shell.PayloadFactory;
import io.gctls.shell.PayloadView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.List;

/**
 * {@code deploy}: validate, build, send (docs/reliability.md "Deploy: one domain live, never twice"). A certificate verdict of error stops before
 * anything is sent; {@code --dry-run} prints the redacted body and sends nothing.
 */
public class DeployCommand extends GctlsCommand {

    static final Opt<Boolean> DRY_RUN = OptionSpec.flag("dry-run",
            "print exactly what would be sent (key redacted); send nothing");
    static final Opt<Boolean> REPLACE = OptionSpec.flag("replace", "the domain exists: put this certificate on it (PUT)");
    static final Opt<Boolean> VERBOSE = OptionSpec.flag("verbose", "show each request's status and "
            + "inin-correlation-id").shortName('v');
    static final Opt<Boolean> WAIT_AUDIT = OptionSpec.flag("wait-audit",
            "then follow the audit log until the change shows up");
    static final Opt<Duration> TIMEOUT = OptionSpec.duration("timeout", Duration.ofMinutes(2),
            "how long --wait-audit waits").atLeast(Duration.ofSeconds(1));

    private final PayloadFactory factory;
    private final ApiAccess access;
    private final Clock clock;
    private final Metrics metrics;
    private final Environment environment;

    public DeployCommand(PayloadFactory factory, ApiAccess access, Clock clock, Metrics metrics,
            Environment environment) {
        super("deploy", "Deploy", "Validate, build and deploy a certificate to a custom domain (never twice)",
                List.of("deploy --domain www.example.com --cert leaf.pem --key leaf.key --chain chain.pem",
                        "deploy --domain www.example.com --cert leaf.pem --key leaf.key --dry-run",
                        "deploy --domain www.example.com --cert new.pem --key new.key --replace --verbose"),
                ConnectionOptions.with(PayloadFactory.options(DRY_RUN, REPLACE, VERBOSE, WAIT_AUDIT, TIMEOUT)));
        this.factory = factory;
        this.access = access;
        this.clock = clock;
        this.metrics = metrics;
        this.environment = environment;
    }

    /**
     * What deploy reports: the deploy's result, what the payload builder fixed and warned about, and
     * with {@code --wait-audit} the audit event that recorded the change (null otherwise).
     */
    public record DeployReport(DeployResult deploy, List<String> fixups, List<String> warnings, AuditSeen audit) {
    }

    /** The change as the audit log recorded it, and how long after the deploy began. */
    public record AuditSeen(boolean seen, String eventId, String action, String eventDate, long eventLatencyMs,
            long seenAfterMs, int polls, String note) {
    }

    /** What {@code --dry-run} reports. */
    public record DryRun(boolean dryRun, String wouldSend, PayloadPreview payload) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        try (Metrics.Timer total = metrics.start("total")) {
            BuiltPayload built = factory.build(invocation);
            ExitCode verdictCode = Outcome.exitCode(built.verdict());
            boolean dryRun = invocation.get(DRY_RUN);
            boolean replace = invocation.get(REPLACE);
            if (invocation.strict() && verdictCode == ExitCode.WARNINGS && !dryRun) {
                // --strict must stop a deploy with warnings before it goes live, not report them afterwards
                throw new GctlsException(ExitCode.WARNINGS, "the certificate verdict is warn ("
                        + String.join("; ", built.warnings()) + ") and --strict is on; nothing was sent");
            }
            if (dryRun) {
                return dryRun(built, replace, verdictCode);
            }
            ApiSession.Connected connected = access.connected(invocation);
            CustomDomains domains = access.customDomains(connected, invocation);
            Deployer deployer = new Deployer(domains, connected.connection().retry(),
                    connected.client().executor().backoff(), clock, metrics, connected.client()::pause);
            Duration auditTimeout = invocation.get(TIMEOUT);
            Instant started = clock.instant();
            DeployResult result = deployer.deploy(built.payload(), built.leafFingerprint(), replace,
                    invocation.cancellation(), invocation.progress());
            access.sawDomain(result.id(), result.domain());
            AuditSeen audit = invocation.get(WAIT_AUDIT) ? waitForAudit(connected, result, started, auditTimeout,
                    invocation) : null;
            boolean verbose = invocation.get(VERBOSE);
            boolean auditMissing = audit != null && !audit.seen() && !DeployResult.UNCHANGED.equals(result.action());
            ExitCode code = auditMissing ? verdictCode.worst(ExitCode.WARNINGS) : verdictCode;
            return Outcome.of(new DeployReport(result, built.fixups(), built.warnings(), audit),
                    (report, out) -> render(report, verbose, out), code);
        }
    }

    /** Follows the audit log until the create (or update) of this domain shows up, or the timeout passes. */
    private AuditSeen waitForAudit(ApiSession.Connected connected, DeployResult result, Instant started,
            Duration timeout, Invocation invocation) {
        if (DeployResult.UNCHANGED.equals(result.action())) {
            return new AuditSeen(false, "", "", "", 0, 0, 0, "nothing changed, so there is no audit event to wait for");
        }
        String action = DeployResult.CREATED.equals(result.action()) ? "Create" : "Update";
        invocation.out().note("waiting for the audit log to record the " + action + " of " + result.domain()
                + " (up to " + Waits.format(timeout) + ")");
        AuditWatch watch = AuditWatch.realtime(connected.client(), AuditSettings.from(environment), metrics);
        Optional<AuditSighting> sighting = watch.waitFor(result.id(), Set.of(action), started, timeout,
                invocation.cancellation(), invocation.progress());
        return sighting.map(s -> new AuditSeen(true, s.event().id(), s.event().action(),
                String.valueOf(s.event().eventDate()), s.eventLatency().toMillis(), s.seenAfter().toMillis(), s.polls(),
                "")).orElseGet(() -> new AuditSeen(false, "", action, "", 0, 0, 0, "no audit event within "
                        + Waits.format(timeout) + " (the deploy itself succeeded)"));
    }

    private static Outcome dryRun(BuiltPayload built, boolean replace, ExitCode verdictCode) {
        String domain = built.payload().domain();
        String plan = replace
                ? "look " + domain + " up, then PUT this body to it (or POST it to the custom-domain endpoint if "
                        + domain + " does not exist yet)"
                : "look " + domain + " up, then POST this body to the custom-domain endpoint (if " + domain
                        + " exists with another certificate, nothing is sent: that needs --replace)";
        DryRun dryRun = new DryRun(true, plan, PayloadPreview.of(built));
        return Outcome.of(dryRun, (r, out) -> {
            out.println("dry run: nothing was sent. Would " + r.wouldSend() + ":");
            PayloadView.preview(r.payload(), out);
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
        Views.field(out, "status", r.status());
        Views.field(out, "created", r.createdDate());
        Views.field(out, "SHA-256", Views.fingerprint(r.certificateFingerprint()));
        Views.field(out, "requests", r.attempts() + (r.totalWaitMs() > 0 ? ", waited " + Waits.format(Duration.ofMillis(
                r.totalWaitMs())) : "") + (r.reconciled() ? ", reconciled after an unclear answer" : ""));
        r.notes().forEach(n -> Views.field(out, "note", n));
        report.fixups().forEach(f -> Views.field(out, "fixed", f));
        report.warnings().forEach(w -> Views.field(out, "warning", out.style()::warn, w));
        if (report.audit() != null) {
            AuditSeen a = report.audit();
            Views.field(out, "audit", a.seen() ? a.action() + " recorded at " + a.eventDate() + ", "
                    + Waits.format(Duration.ofMillis(a.eventLatencyMs())) + " after the deploy began; seen after "
                    + Waits.format(Duration.ofMillis(a.seenAfterMs())) + " (" + a.polls() + " poll"
                    + (a.polls() == 1 ? "" : "s") + ", event " + a.eventId() + ")" : a.note());
        }
        if (verbose) {
            List<Attempt> requests = r.requests();
            for (int i = 0; i < requests.size(); i++) {
                Views.field(out, "request", (i + 1) + ". " + requests.get(i).summary());
            }
        }
    }

}
