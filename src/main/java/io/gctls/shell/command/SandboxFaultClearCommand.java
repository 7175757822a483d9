package io.gctls.shell.command;

import io.gctls.api.ApiRuntime;
import io.gctls.sandbox.Sandbox;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import io.gctls.shell.Views;
import java.util.List;
import java.util.function.Supplier;

/** {@code sandbox fault clear}: remove every fault, and close the circuit breakers they opened. */
public class SandboxFaultClearCommand extends GctlsCommand {

    private final SandboxControl control;
    private final Supplier<ApiRuntime> runtime;

    public SandboxFaultClearCommand(SandboxControl control, Supplier<ApiRuntime> runtime) {
        super("sandbox fault clear", "Sandbox", "Remove every sandbox fault and close open circuit breakers",
                List.of("sandbox fault clear"));
        this.control = control;
        this.runtime = runtime;
    }

    @Override
    public Outcome run(Invocation invocation) {
        Sandbox sandbox = control.require();
        int cleared = sandbox.faults().size();
        sandbox.clearFaults();
        runtime.get().circuits().resetAll();
        return Outcome.of(new Cleared(cleared), (r, out) -> out.println("cleared " + Views.plural(r.cleared(), "fault")
                + "; circuit breakers closed"));
    }

    /** What {@code sandbox fault clear} reports. */
    public record Cleared(int cleared) {
    }
}
