package io.gctls.shell;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.InputFiles;
import io.gctls.core.Prompter;
import io.gctls.core.Quote;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a command file: one command per line, blank lines and {@code #} comments allowed, a
 * trailing backslash continues a line. Stops at the first command that does not succeed and
 * returns its exit code (Spring Shell 4.0.1's own script command aborts on comments and exits 0).
 */
final class ScriptRunner {

    private static final int MAX_DEPTH = 8;
    /** Longest line echoed whole; a 1 MB line is echoed as its start and its length. */
    static final int ECHO_LONGEST = 400;
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private final CommandLineParser parser;
    private final SecretOptions secretOptions;

    ScriptRunner(CommandLineParser parser, SecretOptions secretOptions) {
        this.parser = parser;
        this.secretOptions = secretOptions;
    }

    record Line(int number, String text) {
    }

    ExitCode run(Path file, Output output, Prompter prompter, Supplier<Cancellation> cancellations,
            SessionSettings session) {
        int depth = DEPTH.get();
        if (depth >= MAX_DEPTH) {
            return ErrorReporter.report(GctlsException.usage("command files nest more than " + MAX_DEPTH
                    + " deep (does " + file + " run itself?)"), "script", output, session.debug());
        }
        List<Line> lines;
        try {
            lines = read(file);
        } catch (GctlsException e) {
            return ErrorReporter.report(e, "script", output, session.debug());
        }
        DEPTH.set(depth + 1);
        try {
            for (Line line : lines) {
                if (output.format() == OutputFormat.TEXT) {
                    // masked by option name: a secret typed inline is not registered yet when its line is echoed
                    output.note(output.style().dim("gctls> " + Quote.shortened(secretOptions.mask(line.text()),
                            ECHO_LONGEST)));
                }
                if (isExit(line.text())) {
                    return ExitCode.OK; // as at the prompt: the file ends here
                }
                ExitCode code = CommandRunner.runLine(parser, line.text(), output, prompter, cancellations.get(),
                        session);
                if (code != ExitCode.OK) {
                    output.note("stopped at " + file.getFileName() + " line " + line.number() + " (exit "
                            + code.code() + ")");
                    return code;
                }
            }
            return ExitCode.OK;
        } finally {
            DEPTH.set(depth);
        }
    }

    /** {@code exit} or {@code quit}, with or without a comment after it. */
    static boolean isExit(String line) {
        List<String> words = wordsOrNone(line);
        return words.size() == 1 && (words.get(0).equals("exit") || words.get(0).equals("quit"));
    }

    /** Nothing to run: blank, or only a comment. */
    static boolean isBlank(String line) {
        return line.isBlank() || (line.strip().startsWith("#") && wordsOrNone(line).isEmpty());
    }

    private static List<String> wordsOrNone(String line) {
        try {
            return CommandLineParser.words(line);
        } catch (GctlsException unclosedQuote) {
            return List.of("?"); // not blank, not exit: the runner reports it
        }
    }

    /** A command file is lines typed by hand; anything bigger was picked by mistake. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    static List<Line> read(Path file) {
        List<String> raw = new String(InputFiles.read(file, "command file", MAX_BYTES, Cancellation.never()),
                StandardCharsets.UTF_8).lines().toList();
        List<Line> lines = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int start = 0;
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i);
            if (i == 0 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (pending.isEmpty()) {
                start = i + 1;
                String trimmed = text.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
            }
            // a continued line's indentation is layout, not content
            String stripped = pending.isEmpty() ? text.stripTrailing() : text.strip();
            if (stripped.endsWith("\\")) {
                pending.append(stripped.substring(0, stripped.length() - 1).stripTrailing()).append(' ');
                continue;
            }
            pending.append(stripped);
            lines.add(new Line(start, pending.toString().strip()));
            pending.setLength(0);
        }
        if (!pending.isEmpty()) {
            lines.add(new Line(start, pending.toString().strip()));
        }
        return lines;
    }
}
