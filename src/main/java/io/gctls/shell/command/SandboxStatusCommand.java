package io.gctls.shell.command;

import io.gctls.sandbox.FaultSpec;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxStatus;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.SandboxControl;
import java.util.List;
import java.util.Map;

/** {@code sandbox status}: URL, the fixed credentials (to use from a second shell), counts, rate and faults. */
public class SandboxStatusCommand extends GctlsCommand {

    private final SandboxControl control;

    public SandboxStatusCommand(SandboxControl control) {
        super("sandbox status", "Sandbox", "Show the sandbox: URL, credentials for a second shell, state, faults",
                List.of("sandbox status", "sandbox status --output json"));
        this.control = control;
    }

    /** The sandbox's state; its client id and secret are fixed and public, so they are shown. */
    public record SandboxReport(boolean running, String url, int tlsPort, String clientId, String clientSecret,
            int domains, int auditEvents, int liveTokens, int requests, int ratePerMinute, long tokenLifetimeSeconds,
            boolean jwtTokens, List<String> faults, Map<String, String> environment) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        return control.running().map(s -> Outcome.of(report(s), SandboxStatusCommand::render))
                .orElseGet(() -> Outcome.of(new SandboxReport(false, "", 0, "", "", 0, 0, 0, 0, 0, 0, false, List.of(),
                        Map.of()), (r, out) -> out.println("no sandbox running (start one with: sandbox start)")));
    }

    static SandboxReport report(Sandbox sandbox) {
        SandboxStatus status = sandbox.status();
        Map<String, String> env = Map.of("GENESYS_ENV_URL", sandbox.baseUrl(), "GENESYS_API_KEY", sandbox.clientId(),
                "GENESYS_API_SECRET", sandbox.clientSecret());
        return new SandboxReport(status.running(), status.url(), status.tlsPort(), sandbox.clientId(),
                sandbox.clientSecret(), status.domains(), status.auditEvents(), status.liveTokens(), status.requests(),
                status.ratePerMinute(), status.tokenLifetime().toSeconds(), status.jwtTokens(),
                status.faults().stream().map(FaultSpec::toString).toList(), env);
    }

    static void render(SandboxReport r, Output out) {
        out.println(out.style().ok("sandbox running") + " at " + r.url() + " (logged in as " + r.clientId() + ")");
        out.println(String.format("  %-14s %d domains, %d audit events, %d live tokens, %d requests served",
                "state", r.domains(), r.auditEvents(), r.liveTokens(), r.requests()));
        out.println(String.format("  %-14s 127.0.0.1:%d serves the deployed certificates by SNI, TLS 1.2+"
                + " (probe DOMAIN)", "TLS", r.tlsPort()));
        out.println(String.format("  %-14s %d requests/min per token, tokens live %d s%s", "limits",
                r.ratePerMinute(), r.tokenLifetimeSeconds(), r.jwtTokens() ? ", JWT" : ""));
        out.println(String.format("  %-14s %s", "faults", r.faults().isEmpty() ? "none" : String.join("; ",
                r.faults())));
        out.println("  from a second shell (fixed public sandbox credentials):");
        out.println("    export GENESYS_ENV_URL=" + r.url() + " GENESYS_API_KEY=" + r.clientId()
                + " GENESYS_API_SECRET=" + r.clientSecret());
    }
}
