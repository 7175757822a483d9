package io.gctls.shell;

import io.gctls.core.GctlsException;
import io.gctls.core.Prompter;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Asks the person at the terminal in a one-shot run ({@code gctls cert inspect --key enc.key}):
 * masked input on the terminal, the prompt on stderr so that piped stdout stays clean. When stdin
 * is not a terminal (CI, a pipe, a file) nobody is asked and nothing blocks. The terminal is
 * opened only when a secret is actually needed: runs that ask nothing never load JLine's terminal.
 */
final class TerminalPrompter implements Prompter {

    private final BooleanSupplier stdinIsTerminal;

    TerminalPrompter(BooleanSupplier stdinIsTerminal) {
        this.stdinIsTerminal = stdinIsTerminal;
    }

    /** For the process's own stdin. */
    static Prompter forProcess() {
        return new TerminalPrompter(TerminalPrompter::stdinIsTerminal);
    }

    @Override
    public boolean canAsk() {
        return stdinIsTerminal.getAsBoolean();
    }

    @Override
    public Optional<char[]> askSecret(String prompt) {
        if (!canAsk()) {
            return Optional.empty();
        }
        GctlsShell.quietJLine();
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(false)
                .systemOutput(TerminalBuilder.SystemOutput.SysErr).encoding(StandardCharsets.UTF_8).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("gctls").build();
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            return Optional.of(reader.readLine(prompt, '*').toCharArray());
        } catch (UserInterruptException | EndOfFileException e) {
            throw GctlsException.interrupted("password prompt");
        } catch (IOException | IllegalStateException e) {
            // no terminal JLine can drive (e.g. stderr redirected): the JDK's console, if there is one
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            char[] typed = console.readPassword("%s", prompt);
            return Optional.ofNullable(typed);
        }
    }

    /**
     * True when standard input is a terminal. {@link System#console()} needs stdout to be one too,
     * which would rule out {@code gctls cert inspect ... | jq}; on Linux the file behind descriptor 0
     * says it directly.
     */
    static boolean stdinIsTerminal() {
        return Terminals.isTerminal(Terminals.STDIN);
    }

}
