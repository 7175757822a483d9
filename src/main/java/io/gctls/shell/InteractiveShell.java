package io.gctls.shell;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Prompter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;

/**
 * The prompt: a JLine line reader with Spring Shell's completer (commands, options, file
 * paths), history in {@code $XDG_STATE_HOME/gctls/history} that never keeps a line carrying a
 * secret, colour when the terminal has it, and Ctrl-C that cancels the running command (or
 * clears the line at the prompt) instead of leaving the shell.
 */
final class InteractiveShell implements AutoCloseable {

    private final GctlsShell shell;
    private final Terminal terminal;
    private final LineReader reader;
    private final Output output;
    private final Prompter prompter;

    private InteractiveShell(GctlsShell shell, Terminal terminal, LineReader reader, boolean colour) {
        this.shell = shell;
        this.terminal = terminal;
        this.reader = reader;
        this.output = new Output(terminal.writer(), terminal.writer(), shell.session().format(), colour)
                .withStatusLine(!Terminal.TYPE_DUMB.equals(terminal.getType())
                        && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType()));
        this.prompter = new JLinePrompter(reader);
    }

    static InteractiveShell open(GctlsShell shell, InputStream in, OutputStream out, boolean system,
            Path historyFile, SecretOptions secretOptions) {
        try {
            Terminal terminal = system
                    ? TerminalBuilder.builder().system(true).dumb(true).encoding(StandardCharsets.UTF_8).build()
                    // a plain dumb terminal on the given streams: TerminalBuilder would allocate a pty
                    // whose pump thread reads ahead and reports end of input before the lines are read
                    : new DumbTerminal("gctls", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
            LineReader reader = newReader(terminal, new GctlsCompleter(shell.registry(), shell.commands(),
                    shell::completionCache),
                    new SecretFilteringHistory(secretOptions));
            reader.setVariable(LineReader.HISTORY_FILE, prepareHistoryFile(historyFile));
            reader.setVariable(LineReader.HISTORY_SIZE, 2000);
            reader.getHistory().attach(reader);
            boolean colour = shell.session().colour() && supportsColour(terminal);
            return new InteractiveShell(shell, terminal, reader, colour);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /**
     * The prompt's line reader: gctls's word rules ({@link LineSyntax}) for Enter and Tab, and no
     * history expansion. JLine's expansion would also strip every backslash from the accepted line
     * ({@code with\ space} reached the command as two words) and expand {@code !} inside values.
     */
    static LineReader newReader(Terminal terminal, Completer completer, History history) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("gctls")
                .completer(completer)
                .parser(LineSyntax.forPrompt())
                .history(history)
                .build();
        reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION);
        reader.unsetOpt(LineReader.Option.INSERT_TAB); // Tab on an empty line lists the commands
        return reader;
    }

    Output output() {
        return output;
    }

    History history() {
        return reader.getHistory();
    }

    void loop() {
        output.note(output.style().bold("gctls") + " - type 'help' for commands, Tab to complete, 'exit' to leave");
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt clears the line, as in bash
            } catch (EndOfFileException e) {
                break; // Ctrl-D
            }
            String command = line.strip();
            if (ScriptRunner.isBlank(command)) {
                continue;
            }
            if (ScriptRunner.isExit(command)) {
                break;
            }
            runCancellable(command);
        }
        output.flush();
    }

    private void runCancellable(String command) {
        Cancellation cancellation = shell.newCancellation();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> cancellation.cancel());
        try {
            ExitCode code = CommandRunner.runLine(shell.parser(), command, output, prompter, cancellation,
                    shell.session());
            if (code == ExitCode.INTERRUPTED) {
                output.note("(cancelled; back at the prompt)");
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            output.flush();
        }
    }

    private String prompt() {
        SessionSettings session = shell.session();
        // what runs now, not what the launch asked for: after 'sandbox stop' the prompt no longer says sandbox
        String label = shell.sandboxRunning() ? "gctls(sandbox)> "
                : session.profile().map(p -> "gctls(" + p + ")> ").orElse("gctls> ");
        if (!output.style().colour()) {
            return label;
        }
        return new AttributedString(label, AttributedStyle.BOLD.foreground(AttributedStyle.CYAN)).toAnsi(terminal);
    }

    private static boolean supportsColour(Terminal terminal) {
        if (System.getenv("NO_COLOR") != null || Terminal.TYPE_DUMB.equals(terminal.getType())
                || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
            return Terminal.TYPE_DUMB_COLOR.equals(terminal.getType()) && System.getenv("NO_COLOR") == null;
        }
        Integer colours = terminal.getNumericCapability(Capability.max_colors);
        return colours != null && colours >= 8;
    }

    /** The history file is created 0600 before JLine writes to it: it records what engineers typed. */
    private static Path prepareHistoryFile(Path file) {
        try {
            io.gctls.core.PrivateDirs.create(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // history is a convenience: without a writable state directory the prompt still works
        }
        return file;
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException ignored) {
            // see prepareHistoryFile
        }
        try {
            terminal.close();
        } catch (IOException ignored) {
            // closing a terminal that is going away anyway
        }
    }

    /** Never stores a line that uses a secret option or contains a secret this process knows. */
    static final class SecretFilteringHistory extends DefaultHistory {

        private final SecretOptions secretOptions;

        SecretFilteringHistory(SecretOptions secretOptions) {
            this.secretOptions = secretOptions;
        }

        @Override
        public void add(Instant time, String line) {
            if (!secretOptions.carriesSecret(line)) {
                super.add(time, line);
            }
        }
    }

    /** Masked input at the prompt, with history switched off while the secret is typed. */
    static final class JLinePrompter implements Prompter {

        private final LineReader reader;

        JLinePrompter(LineReader reader) {
            this.reader = reader;
        }

        @Override
        public Optional<char[]> askSecret(String prompt) {
            Object before = reader.getVariable(LineReader.DISABLE_HISTORY);
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            try {
                String value = reader.readLine(prompt, '*');
                return Optional.of(value.toCharArray());
            } catch (UserInterruptException | EndOfFileException e) {
                throw GctlsException.interrupted("password prompt");
            } finally {
                reader.setVariable(LineReader.DISABLE_HISTORY, before == null ? false : before);
            }
        }

        @Override
        public boolean canAsk() {
            return true;
        }
    }
}
