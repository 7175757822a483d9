package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.io.StringWriter;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aKnownFailureIsOneLineWithItsExitCode() {
        Output output = new Output(out, err, OutputFormat.TEXT, false);
        ExitCode code = ErrorReporter.report(new RuntimeException("wrapper",
                GctlsException.input("cannot read a.pem: no such file")), "cert inspect", output, false);
        assertThat(code).isEqualTo(ExitCode.INPUT);
        assertThat(err.toString()).isEqualTo("error: cannot read a.pem: no such file" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void jsonModeAlsoWritesAnErrorDocumentOnOneLine() {
        Output output = new Output(out, err, OutputFormat.JSON, false);
        ErrorReporter.report(GctlsException.usage("bad"), "x", output, false);
        // one line, so that it is also a valid line of a JSON-lines stream (audit tail --output json)
        assertThat(out.toString()).isEqualTo("{\"error\":{\"message\":\"bad\",\"exitCode\":2,\"kind\":\"usage\"}}"
                + System.lineSeparator());
    }

    @Test
    void stackTraceOnlyWithDebug() {
        Output output = new Output(out, err, OutputFormat.TEXT, false);
        ErrorReporter.report(new IllegalStateException("boom"), "x", output, false);
        assertThat(err.toString()).contains("internal error in 'x': IllegalStateException: boom")
                .contains("--debug").doesNotContain("\tat ");
        StringWriter debugErr = new StringWriter();
        ErrorReporter.report(new IllegalStateException("boom"), "x", new Output(out, debugErr, OutputFormat.TEXT,
                false), true);
        assertThat(debugErr.toString()).contains("\tat ");
    }

    @Test
    void cancellationIsExit130() {
        Output output = new Output(out, err, OutputFormat.TEXT, false);
        assertThat(ErrorReporter.report(new CancellationException(), "deploy", output, false))
                .isEqualTo(ExitCode.INTERRUPTED);
        assertThat(err.toString()).contains("deploy cancelled");
    }
}
