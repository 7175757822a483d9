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
        assertThat(err.toString()).contains("internal error in 'x': an unexpected failure: boom")
                .contains("--debug").doesNotContain("\tat ").doesNotContain("IllegalStateException");
        StringWriter debugErr = new StringWriter();
        ErrorReporter.report(new IllegalStateException("boom"), "x", new Output(out, debugErr, OutputFormat.TEXT,
                false), true);
        assertThat(debugErr.toString()).contains("\tat ");
    }

    @Test
    void anInternalErrorSaysWhatFailedInWordsNeverAJavaClass() {
        Output output = new Output(out, err, OutputFormat.TEXT, false);
        ExitCode code = ErrorReporter.report(new RuntimeException(new java.io.UncheckedIOException(
                new java.nio.file.NoSuchFileException("/tmp/gone.jsonl"))), "rotate status", output, false);
        assertThat(code).isEqualTo(ExitCode.INTERNAL);
        assertThat(err.toString()).isEqualTo("error: internal error in 'rotate status': reading or writing failed on "
                + "'/tmp/gone.jsonl': no such file (run with --debug for the details)" + System.lineSeparator());
        StringWriter npe = new StringWriter();
        ErrorReporter.report(new NullPointerException("Cannot invoke \"String.length()\" because \"<local1>\" is null"),
                "rotate plan", new Output(out, npe, OutputFormat.TEXT, false), false);
        assertThat(npe.toString()).startsWith("error: internal error in 'rotate plan': a value it needed was missing")
                .doesNotContain("Exception").doesNotContain("String.length");
    }

    @Test
    void anInternalGctlsExceptionNamesNoClassEither() {
        Output output = new Output(out, err, OutputFormat.TEXT, false);
        // what domain code throws when a worker thread fails unexpectedly (rotate plan's inspections)
        ErrorReporter.report(new GctlsException(ExitCode.INTERNAL, "inspecting the bundles failed: "
                + io.gctls.core.Failures.inWords(new IllegalArgumentException("java.lang.IllegalStateException: "
                        + "no curve")), new IllegalArgumentException()), "rotate plan", output, false);
        assertThat(err.toString()).isEqualTo("error: inspecting the bundles failed: an unexpected failure: no curve"
                + " (run with --debug for the details)" + System.lineSeparator());
    }

    @Test
    void cancellationIsExit130() {
        Output output = new Output(out, err, OutputFormat.TEXT, false);
        assertThat(ErrorReporter.report(new CancellationException(), "deploy", output, false))
                .isEqualTo(ExitCode.INTERRUPTED);
        assertThat(err.toString()).contains("deploy cancelled");
    }
}
