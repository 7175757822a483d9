package io.gctls.shell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Metrics;
import io.gctls.shell.Output;
import io.gctls.shell.OutputFormat;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsCommandTest {

    @Test
    void rendersOneRowPerStep() {
        Metrics metrics = new Metrics();
        metrics.record("login", Duration.ofMillis(120));
        metrics.record("deploy", Duration.ofMillis(480));
        StringWriter out = new StringWriter();
        MetricsCommand.render(new MetricsCommand.MetricsReport(metrics.snapshot()),
                new Output(out, out, OutputFormat.TEXT, false));
        assertThat(out.toString()).contains("step").contains("p95 ms").contains("login").contains("120.").doesNotContain("119.")
                .contains("deploy").contains("480.");
    }
}
