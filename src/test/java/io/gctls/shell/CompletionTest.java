package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.jline.ExtendedDefaultParser;

/** Tab at the prompt: command names, a command's options, file paths for file options, values for choices. */
class CompletionTest {

    @TempDir
    Path dir;

    private final GctlsCommand inspect = new GctlsCommand("cert inspect", "Certificates", "inspect", List.of(),
            OptionSpec.file("cert", "the certificate"), OptionSpec.choice("format", List.of("pem", "der"), "f")) {
        @Override
        public Outcome run(Invocation invocation) {
            return Outcome.done();
        }
    };

    private List<String> complete(String line) {
        ParsedLine parsed = new ExtendedDefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        new CommandCompleter(new CommandRegistry(new HashSet<>(List.of(inspect)))).complete(null, parsed, candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void commandNamesComplete() {
        assertThat(complete("cer")).containsExactly("cert inspect");
        assertThat(complete("cert ")).containsExactly("inspect");
    }

    @Test
    void optionsIncludingTheCommonOnesComplete() {
        assertThat(complete("cert inspect --")).contains("--cert", "--format", "--output", "--debug", "--strict",
                "--help");
    }

    @Test
    void fileOptionsCompletePaths() throws Exception {
        Files.createFile(dir.resolve("leaf.pem"));
        Files.createDirectory(dir.resolve("chains"));
        assertThat(complete("cert inspect --cert " + dir + "/le")).contains(dir + "/leaf.pem");
        assertThat(complete("cert inspect --cert " + dir + "/ch")).anySatisfy(c -> assertThat(c).startsWith(
                dir + "/chains"));
    }

    @Test
    void choicesCompleteTheirValues() {
        assertThat(complete("cert inspect --format ")).containsExactly("pem", "der");
    }
}

/** Defect: a completed path with a space was inserted unescaped, and an escaped prefix broke completion. */
class PathCompletionEscapingTest {

    @TempDir
    Path dir;

    private final GctlsCommand inspect = new GctlsCommand("cert inspect", "Certificates", "inspect", List.of(),
            OptionSpec.file("cert", "the certificate")) {
        @Override
        public Outcome run(Invocation invocation) {
            return Outcome.done();
        }
    };

    /** Types {@code typed}, presses Tab, then Enter, on a real JLine reader; returns the line it accepted. */
    private String tabThenEnter(String typed) throws Exception {
        // a pipe left open: at end of input the terminal would report end of file before the keys are read
        java.io.PipedOutputStream keys = new java.io.PipedOutputStream();
        java.io.PipedInputStream in = new java.io.PipedInputStream(keys, 1 << 16);
        keys.write((typed + "\t\r").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        keys.flush();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.jline.terminal.Terminal terminal = new org.jline.terminal.impl.ExternalTerminal("test", "xterm", in,
                out, java.nio.charset.StandardCharsets.UTF_8)) {
            terminal.setSize(new org.jline.terminal.Size(160, 40));
            org.jline.reader.LineReader reader = InteractiveShell.newReader(terminal, new CommandCompleter(
                    new CommandRegistry(new HashSet<>(List.of(inspect)))),
                    new org.jline.reader.impl.history.DefaultHistory());
            return reader.readLine("> ");
        }
    }

    @Test
    void aCompletedPathWithASpaceReadsBackAsOneWord() throws Exception {
        Files.createFile(dir.resolve("with space.pem"));
        String line = tabThenEnter("cert inspect --cert " + dir + "/wi");
        assertThat(line).isEqualTo("cert inspect --cert " + dir + "/with\\ space.pem ");
        assertThat(CommandLineParser.words(line)).containsExactly("cert", "inspect", "--cert",
                dir + "/with space.pem");
    }

    @Test
    void anEscapedPrefixTypedByHandCompletes() throws Exception {
        Files.createFile(dir.resolve("with space.pem"));
        String line = tabThenEnter("cert inspect --cert " + dir + "/with\\ sp");
        assertThat(CommandLineParser.words(line)).containsExactly("cert", "inspect", "--cert",
                dir + "/with space.pem");
    }

    @Test
    void anEscapedSpaceTypedByHandReachesTheCommandAsOneWord() throws Exception {
        java.io.PipedOutputStream keys = new java.io.PipedOutputStream();
        java.io.PipedInputStream in = new java.io.PipedInputStream(keys, 1 << 16);
        keys.write("cert inspect --cert my\\ cert.pem --password-file a!b\r".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        try (org.jline.terminal.Terminal terminal = new org.jline.terminal.impl.ExternalTerminal("test", "xterm", in,
                new java.io.ByteArrayOutputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            String line = InteractiveShell.newReader(terminal, (r, l, c) -> { },
                    new org.jline.reader.impl.history.DefaultHistory()).readLine("> ");
            assertThat(CommandLineParser.words(line)).containsExactly("cert", "inspect", "--cert", "my cert.pem",
                    "--password-file", "a!b");
        }
    }

    @Test
    void aQuotedPrefixCompletesInsideItsQuotes() throws Exception {
        Files.createFile(dir.resolve("with space.pem"));
        String line = tabThenEnter("cert inspect --cert '" + dir + "/with sp");
        assertThat(CommandLineParser.words(line)).containsExactly("cert", "inspect", "--cert",
                dir + "/with space.pem");
    }
}
