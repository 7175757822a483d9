package io.gctls.shell;

import io.gctls.sandbox.FaultSpec;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxStatus;
import java.util.List;

/**
 * How {@code sandbox start} and {@code sandbox status} show the sandbox: its address, its fixed
 * public credentials as {@code export} lines for a second shell, its state, limits and faults.
 */
public final class SandboxView {

    private SandboxView() {
    }

    /** The variables a second shell exports to use the same sandbox; fixed order, one line. */
    public record Environment(String GENESYS_ENV_URL, String GENESYS_API_KEY, String GENESYS_API_SECRET) {
    }

    /** The sandbox's state; its client id and secret are fixed and public, so they are shown. */
    public record SandboxReport(boolean running, String url, int tlsPort, String clientId, String clientSecret,
            int domains, int auditEvents, int liveTokens, int requests, int ratePerMinute, long tokenLifetimeSeconds,
            boolean jwtTokens, List<String> faults, Environment environment) {

        static SandboxReport none() {
            return new SandboxReport(false, "", 0, "", "", 0, 0, 0, 0, 0, 0, false, List.of(), null);
        }
    }

    public static SandboxReport report(Sandbox sandbox) {
        SandboxStatus status = sandbox.status();
        return new SandboxReport(status.running(), status.url(), status.tlsPort(), sandbox.clientId(),
                sandbox.clientSecret(), status.domains(), status.auditEvents(), status.liveTokens(), status.requests(),
                status.ratePerMinute(), status.tokenLifetime().toSeconds(), status.jwtTokens(),
                status.faults().stream().map(FaultSpec::toString).toList(),
                new Environment(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret()));
    }

    public static SandboxReport notRunning() {
        return SandboxReport.none();
    }

    public static void render(SandboxReport r, Output out) {
        if (!r.running()) {
            out.println("no sandbox running (start one with: sandbox start)");
            return;
        }
        out.println(out.style().ok("sandbox running") + " at " + r.url() + " (logged in as " + r.clientId() + ")");
        Views.field(out, "state", r.domains() + " domains, " + r.auditEvents() + " audit events, " + r.liveTokens()
                + " live tokens, " + r.requests() + " requests served");
        Views.field(out, "TLS", "127.0.0.1:" + r.tlsPort() + " serves the deployed certificates by SNI, TLS 1.2+"
                + " (probe DOMAIN)");
        Views.field(out, "limits", r.ratePerMinute() + " requests/min per token, tokens live "
                + r.tokenLifetimeSeconds() + " s" + (r.jwtTokens() ? ", JWT" : ""));
        Views.field(out, "faults", r.faults().isEmpty() ? "none" : String.join("; ", r.faults()));
        out.println("  from a second shell (fixed public sandbox credentials):");
        out.println("    export GENESYS_ENV_URL=" + r.environment().GENESYS_ENV_URL() + " GENESYS_API_KEY="
                + r.environment().GENESYS_API_KEY() + " GENESYS_API_SECRET=" + r.environment().GENESYS_API_SECRET());
    }
}
