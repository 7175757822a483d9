package io.gctls.shell.command;

import io.gctls.cert.Explanations;
import io.gctls.core.GctlsException;
import io.gctls.core.Quote;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Suggestions;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import java.util.List;
import java.util.Optional;

/**
 * {@code cert explain CODE}: what a finding code means, why clients fail on it and how to fix it,
 * from docs/findings.md (packaged into the jar); without CODE, every code with its first sentence.
 */
public class CertExplainCommand extends GctlsCommand {

    public CertExplainCommand() {
        super("cert explain", "Certificates", "What a finding code means, why clients fail on it, and how to fix it",
                List.of("cert explain chain-incomplete", "cert explain revoked --output json", "cert explain"));
    }

    @Override
    public String argumentsSynopsis() {
        return "[CODE]";
    }

    /** Every code, for the listing without CODE. */
    public record Codes(List<Explanations.Entry> codes) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        if (invocation.arguments().size() > 1) {
            throw GctlsException.usage("'cert explain' takes one CODE, not " + invocation.arguments().size());
        }
        Optional<String> code = invocation.argument(0);
        if (code.isEmpty()) {
            return Outcome.of(new Codes(List.copyOf(Explanations.all().values())), CertExplainCommand::renderAll);
        }
        Explanations.Entry entry = Explanations.of(code.get()).orElseThrow(() -> GctlsException.usage(
                "no finding code " + Quote.of(code.get().strip()) + suggestion(code.get())
                        + " (run 'cert explain' for the list)"));
        return Outcome.of(entry, CertExplainCommand::render);
    }

    private static String suggestion(String typed) {
        String wanted = typed.strip().toLowerCase(java.util.Locale.ROOT);
        return Suggestions.nearest(wanted, Explanations.all().keySet()).or(() -> Explanations.all().keySet().stream()
                .filter(c -> c.contains(wanted) || wanted.contains(c)).findFirst())
                .map(c -> "; did you mean " + c + "?").orElse("");
    }

    static void render(Explanations.Entry e, Output out) {
        out.println(out.style().bold(e.code()) + " (" + e.severity() + ")");
        out.println("");
        out.println(out.style().bold("What it means.") + " " + e.meaning());
        out.println("");
        out.println(out.style().bold("Why clients fail.") + " " + e.why());
        out.println("");
        out.println(out.style().bold("How to fix.") + " " + e.fix());
    }

    private static void renderAll(Codes codes, Output out) {
        int width = codes.codes().stream().mapToInt(e -> e.code().length()).max().orElse(10);
        for (Explanations.Entry e : codes.codes()) {
            String first = e.meaning().split("(?<=\\.)\\s", 2)[0];
            out.println(String.format("  %-" + width + "s  %-13s %s", e.code(), e.severity(), first));
        }
        out.println("");
        out.println("cert explain CODE shows what it means, why clients fail on it and how to fix it.");
    }
}
