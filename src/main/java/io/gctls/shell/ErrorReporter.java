package io.gctls.shell;

import io.gctls.core.ExitCode;
import io.gctls.core.Failures;
import io.gctls.core.GctlsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CancellationException;

/**
 * The one place a failure becomes what the user sees: one line on stderr ("error: ..."), plus a
 * JSON error document on stdout with {@code --output json}, and the stack trace only with
 * {@code --debug}. Messages pass through the redacting writers like all output.
 */
public final class ErrorReporter {

    private static final String DEBUG_HINT = " (run with --debug for the details)";

    private ErrorReporter() {
    }

    public static ExitCode report(Throwable failure, String commandName, Output output, boolean debug) {
        GctlsException known = find(failure);
        ExitCode code;
        String message;
        if (known != null) {
            code = known.exitCode();
            message = known.getMessage() + (code == ExitCode.INTERNAL && !debug ? DEBUG_HINT : "");
        } else if (isCancellation(failure)) {
            code = ExitCode.INTERRUPTED;
            message = (commandName == null ? "command" : commandName) + " cancelled";
        } else {
            code = ExitCode.INTERNAL;
            message = "internal error in " + (commandName == null ? "gctls" : "'" + commandName + "'") + ": "
                    + Failures.inWords(failure) + (debug ? "" : DEBUG_HINT);
        }
        output.note(output.style().error("error:") + " " + message);
        if (output.json()) {
            // one line: a valid JSON document for one-shot readers, and a valid line in a JSON-lines stream
            output.jsonLine(new ErrorDocument(new ErrorBody(message, code.code(),
                    code.name().toLowerCase(java.util.Locale.ROOT))));
        }
        if (debug) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            output.note(trace.toString().stripTrailing());
        }
        return code;
    }

    /** The JSON form of a failure: {@code {"error": {"message", "exitCode", "kind"}}}, in that order. */
    public record ErrorDocument(ErrorBody error) {
    }

    public record ErrorBody(String message, int exitCode, String kind) {
    }

    private static GctlsException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GctlsException g) {
                return g;
            }
        }
        return null;
    }

    private static boolean isCancellation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CancellationException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
