package io.gctls.shell.command;

import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import io.gctls.shell.SandboxView;
import java.util.List;

/** {@code sandbox status}: URL, the fixed credentials (to use from a second shell), counts, rate and faults. */
public class SandboxStatusCommand extends GctlsCommand {

    private final SandboxControl control;

    public SandboxStatusCommand(SandboxControl control) {
        super("sandbox status", "Sandbox", "Show the sandbox: URL, credentials for a second shell, state, faults",
                List.of("sandbox status", "sandbox status --output json"));
        this.control = control;
    }

    @Override
    public Outcome run(Invocation invocation) {
        return Outcome.of(control.running().map(SandboxView::report).orElseGet(SandboxView::notRunning),
                SandboxView::render);
    }
}
