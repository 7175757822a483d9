package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.Cancellation;
import io.gctls.core.Prompter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvocationTest {

    private static Invocation with(Map<String, String> options) {
        StringWriter sink = new StringWriter();
        return new Invocation("deploy", options, List.of(), new Output(sink, sink, OutputFormat.TEXT, false),
                Prompter.none(), Cancellation.never(), false, false, SessionSettings.defaults());
    }

    @Test
    void durations() {
        assertThat(Invocation.parseDuration("since", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Invocation.parseDuration("since", "5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Invocation.parseDuration("since", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Invocation.parseDuration("since", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Invocation.parseDuration("since", "1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Invocation.parseDuration("since", "PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> Invocation.parseDuration("since", "soon")).hasMessageContaining("--since expects a duration");
        assertThatThrownBy(() -> Invocation.parseDuration("since", "")).hasMessageContaining("--since was given an empty value");
    }

    @Test
    void typedAccessorsNameTheOptionOnBadValues() {
        Invocation invocation = with(Map.of("warn-days", "ten", "dry-run", "maybe"));
        assertThatThrownBy(() -> invocation.integer("warn-days", 30)).hasMessageContaining("--warn-days expects a whole number");
        assertThatThrownBy(() -> invocation.flag("dry-run")).hasMessageContaining("--dry-run is a flag");
        assertThatThrownBy(() -> invocation.requiredString("domain")).hasMessageContaining("'deploy' needs --domain");
        assertThat(with(Map.of()).integer("warn-days", 30)).isEqualTo(30);
    }
}
