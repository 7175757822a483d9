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
