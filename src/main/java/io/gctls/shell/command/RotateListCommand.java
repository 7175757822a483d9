package io.gctls.shell.command;

import io.gctls.core.GctlsException;
import io.gctls.rotate.Rotations;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code rotate list}: the rotation journals, newest last. */
public class RotateListCommand extends GctlsCommand {

    private final Rotations rotations;

    public RotateListCommand(Rotations rotations) {
        super("rotate list", "Rotate", "List the rotation journals and how far each got",
                List.of("rotate list", "rotate list --output json"));
        this.rotations = rotations;
    }

    /** The journals; one that cannot be read is listed with why. */
    public record Journals(String folder, List<Rotations.Status> rotations, List<String> unreadable) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        List<Rotations.Status> statuses = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : rotations.files()) {
            try {
                statuses.add(rotations.status(file, invocation.cancellation()));
            } catch (GctlsException e) {
                unreadable.add(e.getMessage());
            }
        }
        return Outcome.of(new Journals(rotations.journals().toString(), statuses, unreadable), RotateListCommand::render);
    }

    static void render(Journals journals, Output out) {
        if (journals.rotations().isEmpty() && journals.unreadable().isEmpty()) {
            out.println("no rotations in " + journals.folder());
            return;
        }
        Object[][] rows = new Object[journals.rotations().size() + 1][];
        rows[0] = new Object[] {"id", "started", "source", "domains", "done", "failed", "parked", "state"};
        for (int i = 0; i < journals.rotations().size(); i++) {
            Rotations.Status s = journals.rotations().get(i);
            rows[i + 1] = new Object[] {s.id(), s.started(), s.source(), s.domains(), s.done(), s.failed(),
                s.parked(), s.finished() ? "finished" : "resumable"};
        }
        Views.table(out, rows);
        journals.unreadable().forEach(line -> out.println(out.style().warn("unreadable") + " " + line));
    }
}
