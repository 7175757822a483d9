package io.gctls.shell.command;

import io.gctls.core.Metrics;
import io.gctls.core.Metrics.StepStats;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import java.util.List;
import java.util.Locale;

/** {@code metrics}: latency per step this session (count, p50, p95, p99, max). */
public class MetricsCommand extends GctlsCommand {

    static final Opt<Boolean> RESET = OptionSpec.flag("reset", "forget the figures recorded so far");

    private final Metrics metrics;

    public MetricsCommand(Metrics metrics) {
        super("metrics", "Session", "Latency per step this session: count, p50, p95, p99, max",
                List.of("metrics", "metrics --output json", "metrics --reset"),
                RESET);
        this.metrics = metrics;
    }

    public record MetricsReport(List<StepStats> steps) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        MetricsReport report = new MetricsReport(metrics.snapshot());
        if (invocation.get(RESET)) {
            metrics.reset();
        }
        return Outcome.of(report, MetricsCommand::render);
    }

    static void render(MetricsReport report, Output out) {
        if (report.steps().isEmpty()) {
            out.println("no steps recorded yet in this session");
            return;
        }
        Object[][] rows = new Object[report.steps().size() + 1][];
        rows[0] = new Object[] {"step", "count", "p50 ms", "p95 ms", "p99 ms", "max ms"};
        for (int i = 0; i < report.steps().size(); i++) {
            StepStats s = report.steps().get(i);
            rows[i + 1] = new Object[] {s.step(), String.valueOf(s.count()), ms(s.p50Ms()), ms(s.p95Ms()),
                    ms(s.p99Ms()), ms(s.maxMs())};
        }
        Views.table(out, rows);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
