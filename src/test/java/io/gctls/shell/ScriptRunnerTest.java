package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRunnerTest {

    @Test
    void skipsCommentsAndBlankLinesKeepsLineNumbersAndJoinsContinuations(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rotate.gctls");
        Files.writeString(file, "\uFEFF# header\r\n\r\ncert inspect \\\r\n  --cert a.pem\r\n   # indented comment\n"
                + "deploy --dry-run\n");
        assertThat(ScriptRunner.read(file)).containsExactly(
                new ScriptRunner.Line(3, "cert inspect --cert a.pem"),
                new ScriptRunner.Line(6, "deploy --dry-run"));
    }
}

class ScriptRunnerEchoTest {

    private final java.util.List<String> ran = new java.util.ArrayList<>();

    private GctlsCommand command(String name, io.gctls.core.ExitCode code, OptionSpec... options) {
        return new GctlsCommand(name, "Test", name, java.util.List.of(), options) {
            @Override
            public Outcome run(Invocation invocation) {
                ran.add(name);
                return Outcome.done(code);
            }
        };
    }

    private static final Opt<String> TEXT = OptionSpec.value("text", "TEXT", "what to say");

    /** Records the value it was given, to show what a line's words were. */
    private GctlsCommand say() {
        return new GctlsCommand("say", "Test", "say", java.util.List.of(), TEXT) {
            @Override
            public Outcome run(Invocation invocation) {
                ran.add("say " + invocation.get(TEXT));
                return Outcome.done();
            }
        };
    }

    private String run(Path file, java.io.StringWriter out, java.io.StringWriter err) {
        java.util.List<GctlsCommand> commands = java.util.List.of(
                command("auth login", io.gctls.core.ExitCode.AUTH,
                        OptionSpec.value("client-secret", "SECRET", "s").sensitive()),
                command("version", io.gctls.core.ExitCode.OK), say());
        CommandLineParser parser = new CommandLineParser(new org.springframework.shell.core.command.CommandRegistry(
                new java.util.HashSet<>(commands)));
        ScriptRunner runner = new ScriptRunner(parser, new SecretOptions(commands));
        io.gctls.core.ExitCode code = runner.run(file, new Output(out, err, OutputFormat.TEXT, false),
                io.gctls.core.Prompter.none(), io.gctls.core.Cancellation::create, SessionSettings.defaults());
        return code.name();
    }

    @Test
    void theEchoOfALineNeverShowsAnInlineSecretEvenOneNobodyRegisteredYet(@TempDir Path dir) throws Exception {
        io.gctls.core.Secrets.clearForTests();
        Path file = dir.resolve("login.gctls");
        Files.writeString(file, "auth login --client-secret S3cretValue-xyz\n");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        assertThat(run(file, out, err)).isEqualTo("AUTH");
        assertThat(err.toString()).contains("gctls> auth login --client-secret ****")
                .doesNotContain("S3cretValue-xyz");
    }

    @Test
    void exitEndsTheFileSuccessfully(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("short.gctls");
        Files.writeString(file, "version\nexit\nauth login\n");
        assertThat(run(file, new java.io.StringWriter(), new java.io.StringWriter())).isEqualTo("OK");
        assertThat(ran).containsExactly("version");
    }

    @Test
    void aHashAfterWhitespaceIsACommentAndAQuotedHashIsNot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("comments.gctls");
        Files.writeString(file, "version   # what runs here\nsay --text 'issue #12' # the comment\n"
                + "say --text \"a # b\"\nexit # done\nauth login\n");
        assertThat(run(file, new java.io.StringWriter(), new java.io.StringWriter())).isEqualTo("OK");
        assertThat(ran).containsExactly("version", "say issue #12", "say a # b");
    }

    @Test
    void aOneMegabyteLineIsEchoedAndReportedCutShort(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.gctls");
        Files.writeString(file, "x".repeat(1_000_000) + "\n");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        assertThat(run(file, out, err)).isEqualTo("USAGE");
        assertThat(out.toString() + err).hasSizeLessThan(2_000).contains("(1000000 characters)");
    }
}
