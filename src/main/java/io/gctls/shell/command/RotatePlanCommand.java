package io.gctls.shell.command;

import io.gctls.api.ApiRuntime;
import io.gctls.auth.ApiSession;
import io.gctls.rotate.Source;
import io.gctls.core.ExitCode;
import io.gctls.rotate.Action;
import io.gctls.rotate.Plan;
import io.gctls.rotate.PlanEntry;
import io.gctls.rotate.Rotations;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code rotate plan}: every bundle inspected, the deployed domains listed once, and per domain
 * what {@code rotate apply} would do. Sends only the list.
 */
public class RotatePlanCommand extends GctlsCommand {

    private final Rotations rotations;
    private final ApiAccess access;
    private final Supplier<ApiRuntime> runtime;
    private final SandboxControl sandbox;

    public RotatePlanCommand(Rotations rotations, ApiAccess access, Supplier<ApiRuntime> runtime,
            SandboxControl sandbox) {
        super("rotate plan", "Rotate", "Show what a rotation would do: per domain its verdict and action (sends only a list)",
                List.of("rotate plan --dir fleet/ --trust root.pem", "rotate plan --manifest fleet.csv --output json"),
                RotateOptions.with());
        this.rotations = rotations;
        this.access = access;
        this.runtime = runtime;
        this.sandbox = sandbox;
    }

    @Override
    public Outcome run(Invocation invocation) {
        Source source = RotateOptions.source(invocation);
        ApiSession.Connected connected = access.connected(invocation);
        Rotations.Api api = rotations.api(runtime.get(), connected, Optional.empty(), invocation.progress());
        Plan plan = rotations.plan(source, RotateOptions.plan(invocation, RotateOptions.sandboxTrust(connected,
                sandbox)), api, invocation.cancellation()).plan();
        Plan.Report report = plan.report();
        report.entries().stream().filter(e -> !e.deployedId().isEmpty())
                .forEach(e -> access.sawDomain(e.deployedId(), e.domain()));
        ExitCode code = report.counts().refused() > 0 ? ExitCode.INPUT
                : report.entries().stream().anyMatch(e -> e.verdict() == io.gctls.cert.Verdict.WARN)
                        && invocation.strict() ? ExitCode.WARNINGS : ExitCode.OK;
        return Outcome.of(report, RotatePlanCommand::render, code);
    }

    static void render(Plan.Report report, Output out) {
        Object[][] rows = new Object[report.entries().size() + 1][];
        rows[0] = new Object[] {"domain", "verdict", "action", "deployed expires", "deployed SHA-256", "new expires",
            "new SHA-256"};
        for (int i = 0; i < report.entries().size(); i++) {
            PlanEntry e = report.entries().get(i);
            rows[i + 1] = new Object[] {e.domain(), e.verdict().label(), action(e, out), e.deployedExpires(),
                Views.shortFingerprint(e.deployedFingerprint()), e.newExpires(),
                Views.shortFingerprint(e.newFingerprint())};
        }
        Views.table(out, rows);
        for (PlanEntry e : report.entries()) {
            if (e.action() == Action.REFUSED) {
                out.println(out.style().error("refused") + " " + e.domain() + " (" + e.origin() + "): " + e.reason());
            } else if (!e.findings().isEmpty()) {
                e.findings().forEach(f -> out.println(out.style().warn("warning") + " " + e.domain() + ": " + f));
            }
        }
        Plan.Counts c = report.counts();
        out.println(Views.plural(report.domains(), "domain") + " from " + report.source() + ": " + c.create() + " to create, "
                + c.replace() + " to replace, " + c.unchanged() + " unchanged, " + c.refused() + " refused ("
                + report.deployedDomains() + " of them deployed now)");
    }

    private static String action(PlanEntry entry, Output out) {
        return switch (entry.action()) {
            case REFUSED -> out.style().error(entry.action().label());
            case UNCHANGED -> entry.action().label();
            default -> out.style().bold(entry.action().label());
        };
    }
}
