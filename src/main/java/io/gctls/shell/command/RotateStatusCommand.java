package io.gctls.shell.command;

import io.gctls.rotate.Rotations;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import java.util.List;

/** {@code rotate status [ID|JOURNAL]}: where a rotation stands, from its journal (the newest by default). */
public class RotateStatusCommand extends GctlsCommand {

    private final Rotations rotations;

    public RotateStatusCommand(Rotations rotations) {
        super("rotate status", "Rotate", "Show a rotation's progress from its journal (the newest by default)",
                List.of("rotate status", "rotate status 20260601T101500Z-3f2a --output json"));
        this.rotations = rotations;
    }

    @Override
    public String argumentsSynopsis() {
        return "[ID|JOURNAL]";
    }

    @Override
    public Outcome run(Invocation invocation) {
        Rotations.Status status = rotations.status(rotations.locate(invocation.argument(0)), invocation.cancellation());
        return Outcome.of(status, RotateStatusCommand::render);
    }

    static void render(Rotations.Status s, Output out) {
        out.println("rotation " + s.id() + (s.finished() ? " (finished)" : " (not finished)"));
        Views.field(out, "source", s.source());
        Views.field(out, "API", s.api());
        Views.field(out, "started", s.started());
        Views.field(out, "last", s.lastActivity());
        Views.field(out, "domains", s.domains() + ": " + s.done() + " done, " + s.refused() + " refused, " + s.failed()
                + " failed, " + s.parked() + " parked, " + s.inFlight() + " in flight when it stopped, "
                + s.notStarted() + " not started");
        Views.field(out, "journal", s.journal() + (s.tornLastLine() ? " (its last line was cut short; ignored)" : ""));
        Views.field(out, "resume", s.resume());
    }
}
