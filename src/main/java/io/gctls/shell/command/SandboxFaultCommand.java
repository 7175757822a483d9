package io.gctls.shell.command;

import io.gctls.core.GctlsException;
import io.gctls.sandbox.FaultSpec;
import io.gctls.sandbox.Sandbox;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import java.util.List;
import java.util.Map;

/** {@code sandbox fault ...}: make the sandbox misbehave, to reproduce every path of SPEC §5 by hand. */
public class SandboxFaultCommand extends GctlsCommand {

    private final SandboxControl control;

    public SandboxFaultCommand(SandboxControl control) {
        super("sandbox fault", "Sandbox", "Inject a fault: an HTTP status, reset, reset-after, delay MS or malformed",
                List.of("sandbox fault 503 --path '/api/v2/customdomains*' --times 3",
                        "sandbox fault reset-after --method POST --path /api/v2/customdomains --times 1",
                        "sandbox fault delay 2000", "sandbox fault 429 --times 5", "sandbox fault clear"),
                OptionSpec.value("path", "GLOB", "only requests whose path matches (default: every path)"),
                OptionSpec.choice("method", List.of("GET", "POST", "PUT", "DELETE"), "only this method"),
                OptionSpec.value("times", "N", "how many requests it hits (default: until cleared)"));
        this.control = control;
    }

    @Override
    public String argumentsSynopsis() {
        return "STATUS|reset|reset-after|delay MS|malformed";
    }

    @Override
    public Outcome run(Invocation invocation) {
        Sandbox sandbox = control.require();
        if (invocation.arguments().isEmpty()) {
            throw GctlsException.usage("'sandbox fault' needs a fault: an HTTP status (503), reset, reset-after, "
                    + "delay MS or malformed (see: help sandbox fault)");
        }
        FaultSpec fault;
        try {
            fault = FaultSpec.parse(String.join(" ", invocation.arguments()));
            if (invocation.string("method").isPresent()) {
                fault = fault.method(invocation.string("method").get());
            }
            if (invocation.string("path").isPresent()) {
                fault = fault.path(invocation.string("path").get());
            }
            if (invocation.has("times")) {
                fault = fault.times(invocation.integer("times", 1));
            }
        } catch (IllegalArgumentException e) {
            throw GctlsException.usage("sandbox fault: " + e.getMessage());
        }
        sandbox.addFault(fault);
        String added = fault.toString();
        return Outcome.of(Map.of("fault", added, "faults", sandbox.faults().stream()
                .map(FaultSpec::toString).toList()), (r, out) -> out.println("fault added: " + added));
    }
}
