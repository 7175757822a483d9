package io.gctls.shell.command;

import io.gctls.core.GctlsException;
import io.gctls.sandbox.Sandbox;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import java.util.List;

/**
 * {@code sandbox revoke DOMAIN}: the sandbox's OCSP responder answers "revoked (keyCompromise)" for
 * the certificate deployed for DOMAIN from now on; it must be one {@code sandbox issue} made.
 */
public class SandboxRevokeCommand extends GctlsCommand {

    private final SandboxControl control;

    public SandboxRevokeCommand(SandboxControl control) {
        super("sandbox revoke", "Sandbox", "Revoke the certificate deployed for DOMAIN (the sandbox's OCSP says so)",
                List.of("sandbox revoke www.example.com", "probe www.example.com --trust issued/root.pem"));
        this.control = control;
    }

    @Override
    public String argumentsSynopsis() {
        return "DOMAIN";
    }

    /** What was revoked. */
    public record Revoked(String domain, String serial) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        String domain = invocation.requiredArgument(0, "DOMAIN, e.g. sandbox revoke www.example.com").strip();
        Sandbox sandbox = control.require();
        String serial;
        try {
            serial = sandbox.revoke(domain);
        } catch (IllegalArgumentException e) {
            throw GctlsException.input(e.getMessage());
        }
        return Outcome.of(new Revoked(domain, serial), (r, out) -> out.println("revoked the certificate of "
                + r.domain() + " (serial " + r.serial() + "): the sandbox's OCSP responder now answers revoked"));
    }
}
