package io.gctls.shell;

import io.gctls.core.Cancellation;
import io.gctls.core.DebugLogging;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Prompter;

/**
 * Runs one parsed command: applies the common options, calls the command, renders its outcome
 * as text or JSON, and turns any failure into one line and an exit code (the single error
 * handler of the jbang model).
 */
public final class CommandRunner {

    private CommandRunner() {
    }

    public static ExitCode runParsed(GctlsCommand command, ParsedCommand parsed, Output baseOutput,
            Prompter prompter, Cancellation cancellation, SessionSettings session) {
        boolean debug = session.debug() || parsed.has("debug");
        // the session's --debug was switched on at launch; a command's own lasts for that command
        Runnable restoreLogging = debug && !session.debug() ? DebugLogging.enable() : () -> { };
        Output output = baseOutput;
        try {
            if (parsed.has("output")) {
                output = baseOutput.withFormat(OutputFormat.parse(parsed.options().get("output")));
            }
            if (parsed.has("help")) {
                output.withFormat(OutputFormat.TEXT).println(HelpText.forCommand(command));
                return ExitCode.OK;
            }
            Invocation invocation = new Invocation(parsed, output, prompter, cancellation, debug,
                    session.strict() || parsed.has("strict"), session);
            Outcome outcome = command.run(invocation);
            render(outcome, output);
            return finalCode(outcome.exitCode(), invocation.strict());
        } catch (Throwable failure) {
            return ErrorReporter.report(failure, command.getName(), output, debug);
        } finally {
            restoreLogging.run();
            output.flush();
        }
    }

    static void render(Outcome outcome, Output output) {
        if (outcome.result() == null) {
            return;
        }
        if (output.json()) {
            output.json(outcome.result());
        } else if (outcome.textView() != null) {
            outcome.textView().render(outcome.result(), output);
        } else {
            output.println(String.valueOf(outcome.result()));
        }
    }

    /** Warnings succeed (exit 0) unless --strict asked for them to fail (exit 1). */
    static ExitCode finalCode(ExitCode code, boolean strict) {
        if (code == ExitCode.WARNINGS) {
            return strict ? ExitCode.WARNINGS : ExitCode.OK;
        }
        return code;
    }

    /** Parses and runs one command line; parse errors are usage errors reported like any other. */
    public static ExitCode runLine(CommandLineParser parser, String line, Output output, Prompter prompter,
            Cancellation cancellation, SessionSettings session) {
        ParsedCommand parsed;
        try {
            parsed = parser.parse(line);
        } catch (GctlsException e) {
            Output asked = output;
            try {
                asked = OutputFormat.askedFor(CommandLineParser.words(line)).map(output::withFormat).orElse(output);
            } catch (GctlsException unsplittable) {
                // an unclosed quote: report it in the session's format
            }
            return ErrorReporter.report(e, null, asked, session.debug());
        }
        return runParsed(parsed.command(), parsed, output, prompter, cancellation, session);
    }
}
