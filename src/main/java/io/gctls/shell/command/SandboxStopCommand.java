package io.gctls.shell.command;

import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import java.util.List;
import java.util.Map;

/** {@code sandbox stop}: stop the emulator; its domains and audit events are gone with it. */
public class SandboxStopCommand extends GctlsCommand {

    private final SandboxControl control;

    public SandboxStopCommand(SandboxControl control) {
        super("sandbox stop", "Sandbox", "Stop the sandbox (its state is discarded)", List.of("sandbox stop"));
        this.control = control;
    }

    @Override
    public Outcome run(Invocation invocation) {
        boolean wasRunning = control.running().isPresent();
        control.stop();
        return Outcome.of(Map.of("stopped", wasRunning), (r, out) -> out.println(wasRunning ? "sandbox stopped"
                : "no sandbox was running"));
    }
}
