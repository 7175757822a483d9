package io.gctls.shell.command;

import io.gctls.core.GctlsException;
import io.gctls.sandbox.FaultSpec;
import io.gctls.sandbox.Sandbox;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import java.util.List;

/** {@code sandbox fault ...}: make the sandbox misbehave, to reproduce every path of docs/reliability.md by hand (docs/sandbox.md "Fault switches"). */
public class SandboxFaultCommand extends GctlsCommand {

    static final Opt<String> PATH = OptionSpec.value("path", "GLOB",
            "only requests whose path matches (default: every path)");
    static final Opt<String> METHOD = OptionSpec.choice("method", List.of("GET", "POST", "PUT", "DELETE"),
            "only this method");
    static final Opt<Integer> TIMES = OptionSpec.integer("times", "N", null,
            "how many requests it hits (default: until cleared)").atLeast(1);
    static final Opt<String> RETRY_AFTER = OptionSpec.value("retry-after", "SECONDS|none",
            "a 429's wait in seconds (default 1), or none: a 429 that does not say when to retry");

    private final SandboxControl control;

    public SandboxFaultCommand(SandboxControl control) {
        super("sandbox fault", "Sandbox", "Inject a fault: an HTTP status, reset, reset-after, delay MS or malformed",
                List.of("sandbox fault 503 --path '/api/v2/customdomains*' --times 3",
                        "sandbox fault reset-after --method POST --path /api/v2/customdomains --times 1",
                        "sandbox fault delay 2000", "sandbox fault 429 --times 5",
                        "sandbox fault 429 --method POST --retry-after 7200 --times 1", "sandbox fault clear"),
                PATH, METHOD, TIMES, RETRY_AFTER);
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
            if (invocation.optional(METHOD).isPresent()) {
                fault = fault.method(invocation.get(METHOD));
            }
            if (invocation.optional(PATH).isPresent()) {
                fault = fault.path(invocation.get(PATH));
            }
            if (invocation.optional(TIMES).isPresent()) {
                fault = fault.times(invocation.get(TIMES));
            }
            if (invocation.optional(RETRY_AFTER).isPresent()) {
                fault = fault.retryAfter(invocation.get(RETRY_AFTER));
            }
        } catch (IllegalArgumentException e) {
            throw GctlsException.usage("sandbox fault: " + e.getMessage());
        }
        sandbox.addFault(fault);
        return Outcome.of(new FaultAdded(fault.toString(), sandbox.faults().stream().map(FaultSpec::toString)
                .toList()), (r, out) -> out.println("fault added: " + r.fault()));
    }

    /** What {@code sandbox fault} reports: the fault added, and every fault now in force. */
    public record FaultAdded(String fault, List<String> faults) {
    }
}
