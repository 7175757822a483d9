package io.gctls.shell.command;

import io.gctls.rotate.Rotations;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
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
        row(out, "source", s.source());
        row(out, "API", s.api());
        row(out, "started", s.started());
        row(out, "last", s.lastActivity());
        row(out, "domains", s.domains() + ": " + s.done() + " done, " + s.refused() + " refused, " + s.failed()
                + " failed, " + s.parked() + " parked, " + s.inFlight() + " in flight when it stopped, "
                + s.notStarted() + " not started");
        row(out, "journal", s.journal() + (s.tornLastLine() ? " (its last line was cut short; ignored)" : ""));
        if (!s.resume().isEmpty()) {
            row(out, "resume", s.resume());
        }
    }

    private static void row(Output out, String label, String value) {
        out.println(String.format("  %-8s %s", label, value));
    }
}
