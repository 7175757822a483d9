package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.api.WaitNotice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Waits at a terminal: one stderr line that counts down and is cleared; nothing anywhere else. */
class StatusLineTest {

    private static final WaitNotice RATE_LIMITED = new WaitNotice("POST /api/v2/customdomains", "429",
            "Retry-After", Duration.ofSeconds(12), 3, 6);

    private final AtomicLong nanos = new AtomicLong();
    private final StringWriter err = new StringWriter();
    private final StatusLine line = new StatusLine(new PrintWriter(err), nanos::get);

    @Test
    void countsDownTheWaitAndNamesTheRequest() {
        line.countDown(RATE_LIMITED);
        assertThat(err.toString()).isEqualTo(StatusLine.CLEAR
                + "429 on POST /api/v2/customdomains, retrying in 12 s (Retry-After), attempt 3 of 6");
        nanos.addAndGet(Duration.ofMillis(4_500).toNanos());
        line.render();
        assertThat(err.toString()).endsWith(StatusLine.CLEAR
                + "429 on POST /api/v2/customdomains, retrying in 8 s (Retry-After), attempt 3 of 6");
        line.clear();
    }

    @Test
    void isClearedWhenTheWaitIsOver() {
        line.countDown(RATE_LIMITED);
        nanos.addAndGet(Duration.ofSeconds(12).toNanos());
        line.render();
        assertThat(err.toString()).endsWith(StatusLine.CLEAR);
        int length = err.toString().length();
        line.render();
        line.clear();
        assertThat(err.toString()).hasSize(length); // nothing more once it is gone
    }

    @Test
    void anyOtherLineClearsItFirstAndStdoutNeverSeesIt() {
        StringWriter out = new StringWriter();
        StringWriter errors = new StringWriter();
        Output output = new Output(out, errors, OutputFormat.JSON, false).withStatusLine(true);
        output.progress().waiting(RATE_LIMITED);
        output.progress().accept("a note");
        output.json(java.util.Map.of("ok", true));
        output.flush();
        assertThat(errors.toString()).startsWith(StatusLine.CLEAR + "429 on POST")
                .contains("attempt 3 of 6" + StatusLine.CLEAR + "a note\n");
        assertThat(out.toString()).doesNotContain("429").doesNotContain("\r");
    }

    @Test
    void withoutATerminalAWaitPrintsNothingAtAll() {
        StringWriter out = new StringWriter();
        StringWriter errors = new StringWriter();
        Output output = new Output(out, errors, OutputFormat.TEXT, false);
        output.progress().waiting(RATE_LIMITED);
        output.progress().accept("a note");
        output.flush();
        assertThat(errors.toString()).isEqualTo("a note\n");
        assertThat(out.toString()).isEmpty();
    }
}
