package io.gctls.shell.command;

import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import java.util.List;

/** {@code sandbox stop}: stop the emulator; its domains and audit events are gone with it. */
public class SandboxStopCommand extends GctlsCommand {

    private final SandboxControl control;

    public SandboxStopCommand(SandboxControl control) {
        super("sandbox stop", "Sandbox", "Stop the sandbox (its state is discarded)", List.of("sandbox stop"));
        this.control = control;
    }

    /** What {@code sandbox stop} reports. */
    public record Stopped(boolean stopped) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        boolean wasRunning = control.running().isPresent();
        control.stopAsAsked();
        return Outcome.of(new Stopped(wasRunning), (r, out) -> out.println(r.stopped()
                ? "sandbox stopped: its domains and audit events are gone (start a new one with: sandbox start)"
                : "no sandbox was running (start one with: sandbox start)"));
    }
}
