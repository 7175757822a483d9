package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.CommandRegistry;

class CommandLineParserTest {

    static final class Probe extends GctlsCommand {
        Probe(String name) {
            super(name, "Test", "a probe", List.of(),
                    OptionSpec.file("cert", "certificate"),
                    OptionSpec.value("warn-days", "N", "days"),
                    OptionSpec.flag("dry-run", "send nothing"),
                    OptionSpec.choice("tls-version", List.of("TLSv1.2", "TLSv1.3"), "version"),
                    OptionSpec.value("client-secret", "S", "secret").sensitive());
        }

        @Override
        public String argumentsSynopsis() {
            return "[WORDS]";
        }

        @Override
        public Outcome run(Invocation invocation) {
            return Outcome.done();
        }
    }

    static final class Needy extends GctlsCommand {
        Needy() {
            super("needy", "Test", "needs an option", List.of(), OptionSpec.file("file", "f").mandatory());
        }

        @Override
        public Outcome run(Invocation invocation) {
            return Outcome.done();
        }
    }

    private final CommandLineParser parser = new CommandLineParser(new CommandRegistry(new HashSet<>(List.of(
            new Probe("cert inspect"), new Probe("deploy"), new Needy()))));

    @Test
    void resolvesMultiWordCommandAndOptions() {
        ParsedCommand parsed = parser.parse("cert inspect --cert a.pem --warn-days=10 --dry-run");
        assertThat(parsed.command().getName()).isEqualTo("cert inspect");
        assertThat(parsed.options()).containsEntry("cert", "a.pem").containsEntry("warn-days", "10")
                .containsEntry("dry-run", "true");
    }

    @Test
    void aFlagAtTheEndOfASubCommandLineIsAFlag() {
        // Spring Shell 4.0.1's parser looks the flag up on "cert" and asks for a value
        assertThat(parser.parse("cert inspect --cert a.pem --dry-run").options()).containsEntry("dry-run", "true");
    }

    @Test
    void quotedValuesKeepTheirSpaces() {
        assertThat(parser.parse("deploy --cert \"my certs/a b.pem\"").options()).containsEntry("cert",
                "my certs/a b.pem");
        assertThat(parser.parse("deploy --cert 'x y.pem'").options()).containsEntry("cert", "x y.pem");
    }

    @Test
    void unknownOptionIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> parser.parse("deploy --stirct"))
                .isInstanceOf(GctlsException.class)
                .hasMessageContaining("unknown option --stirct for 'deploy'")
                .extracting(e -> ((GctlsException) e).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void missingValueIsAUsageError() {
        assertThatThrownBy(() -> parser.parse("deploy --cert")).hasMessageContaining("--cert needs a value");
        assertThatThrownBy(() -> parser.parse("deploy --cert --dry-run")).hasMessageContaining("--cert needs a value");
    }

    @Test
    void choiceOutsideTheListIsAUsageError() {
        assertThatThrownBy(() -> parser.parse("deploy --tls-version TLSv1.0"))
                .hasMessageContaining("--tls-version must be one of TLSv1.2, TLSv1.3");
    }

    @Test
    void missingRequiredOptionIsAUsageErrorUnlessHelpIsAsked() {
        assertThatThrownBy(() -> parser.parse("needy")).hasMessageContaining("'needy' needs --file");
        assertThat(parser.parse("needy --help").has("help")).isTrue();
        assertThat(parser.parse("needy -h").has("help")).isTrue();
    }

    @Test
    void unknownCommandAndMissingSubCommandSayWhatExists() {
        assertThatThrownBy(() -> parser.parse("nope")).hasMessage("unknown command 'nope' (try: help)");
        assertThatThrownBy(() -> parser.parse("cert")).hasMessageContaining("'cert' needs a sub-command")
                .hasMessageContaining("cert inspect");
        assertThatThrownBy(() -> parser.parse("cert verify")).hasMessageContaining("'cert verify' is not a command");
    }

    @Test
    void doubleDashEndsOptionsAndNegativeNumbersAreArguments() {
        ParsedCommand parsed = parser.parse("deploy -- --not-an-option -5");
        assertThat(parsed.arguments()).containsExactly("--not-an-option", "-5");
        assertThat(parser.parse("deploy -5").arguments()).containsExactly("-5");
    }

    @Test
    void aStrayWordForACommandThatTakesNoArgumentsIsAUsageError() {
        assertThatThrownBy(() -> parser.parse("needy --file a.pem chain.pem"))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("'needy' takes no arguments").contains("'chain.pem'");
                });
    }

    @Test
    void anOptionGivenTwiceIsAUsageErrorThatNeverEchoesASecret() {
        assertThatThrownBy(() -> parser.parse("deploy --cert a.pem --cert b.pem"))
                .hasMessage("--cert is given twice ('a.pem' and 'b.pem'); give it once");
        assertThatThrownBy(() -> parser.parse("deploy --client-secret one-secret --client-secret two-secret"))
                .hasMessage("--client-secret is given twice; give it once");
    }

    @Test
    void unclosedQuoteIsAUsageError() {
        assertThatThrownBy(() -> parser.parse("deploy --cert \"a.pem")).hasMessageContaining("unclosed quote");
    }

    @Test
    void secretOptionsAreMaskedAndKeptOutOfHistory() {
        SecretOptions secrets = new SecretOptions(List.of(new Probe("deploy")));
        assertThat(secrets.carriesSecret("deploy --client-secret hunter22")).isTrue();
        assertThat(secrets.carriesSecret("deploy --cert a.pem")).isFalse();
        assertThat(secrets.mask("deploy --client-secret hunter22 --dry-run"))
                .isEqualTo("deploy --client-secret **** --dry-run");
        assertThat(secrets.mask("deploy --client-secret=\"a b c\"")).isEqualTo("deploy --client-secret=****");
    }
}

class CommandLineParserSyntaxTest {

    private final CommandLineParser parser = new CommandLineParser(new CommandRegistry(new HashSet<>(List.of(
            new CommandLineParserTest.Probe("cert inspect"), new CommandLineParserTest.Probe("deploy"),
            new CommandLineParserTest.Probe("domains list"), new CommandLineParserTest.Probe("domains show"),
            new CommandLineParserTest.Probe("auth status")))));

    @Test
    void aHashAfterWhitespaceStartsAComment() {
        assertThat(parser.parse("auth status   # logged in to the emulator").arguments()).isEmpty();
        assertThat(parser.parse("deploy --dry-run # send nothing").options()).containsOnlyKeys("dry-run");
        assertThat(CommandLineParser.words("   # only a comment")).isEmpty();
    }

    @Test
    void aQuotedEscapedOrInWordHashIsLiteral() {
        assertThat(parser.parse("deploy '#' \"a # b\" \\# x#y").arguments()).containsExactly("#", "a # b", "#",
                "x#y");
        assertThat(parser.parse("deploy --client-secret abc#def").options()).containsEntry("client-secret",
                "abc#def");
    }

    @Test
    void quotesOpenAnywhereAndAnEmptyQuotedWordIsAWord() {
        assertThat(CommandLineParser.words("fault --path='/api/v2/*' '' x\\\"y")).containsExactly("fault",
                "--path=/api/v2/*", "", "x\"y");
        assertThat(CommandLineParser.words("a \"q \\\" w\" 'it''s'")).containsExactly("a", "q \" w", "its");
    }

    @Test
    void aBackslashEscapedSpaceStaysInTheWord() {
        assertThat(parser.parse("deploy --cert with\\ space.pem").options()).containsEntry("cert",
                "with space.pem");
    }

    @Test
    void didYouMeanForCommands() {
        assertThatThrownBy(() -> parser.parse("deplyo --cert a.pem"))
                .hasMessage("unknown command 'deplyo'; did you mean 'deploy'? (try: help)");
        assertThatThrownBy(() -> parser.parse("domain list"))
                .hasMessage("unknown command 'domain list'; did you mean 'domains list'? (try: help)");
        assertThatThrownBy(() -> parser.parse("domains lst"))
                .hasMessageContaining("'domains lst' is not a command; did you mean 'domains list'?");
    }

    @Test
    void didYouMeanForOptions() {
        assertThatThrownBy(() -> parser.parse("deploy --crt x"))
                .hasMessage("unknown option --crt for 'deploy'; did you mean --cert? (see: help deploy)");
        assertThatThrownBy(() -> parser.parse("deploy --wrn-days 3"))
                .hasMessageContaining("did you mean --warn-days?");
        assertThatThrownBy(() -> parser.parse("deploy --zzzzzzzz"))
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void userInputInMessagesIsCutShortWithItsLength() {
        String huge = "x".repeat(1_000_000);
        assertThatThrownBy(() -> parser.parse(huge)).satisfies(e -> assertThat(e.getMessage())
                .hasSizeLessThan(300).contains("(1000000 characters)"));
        assertThatThrownBy(() -> parser.parse("deploy --" + huge)).satisfies(e -> assertThat(e.getMessage())
                .hasSizeLessThan(300));
        assertThatThrownBy(() -> parser.parse("deploy --cert a --cert " + huge)).satisfies(e ->
                assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void theUsageLineShowsValueNamesAsDeclared() {
        GctlsCommand deploy = parser.find("deploy").orElseThrow();
        assertThat(HelpText.forCommand(deploy)).contains("[--tls-version TLSv1.2|TLSv1.3]")
                .doesNotContain("TLSV1.2");
    }

    @Test
    void aValueNameWithLowerCaseIsShownAsDeclared() {
        assertThat(OptionSpec.value("tls-version", "TLSv1.2|TLSv1.3", "version").synopsis())
                .isEqualTo("[--tls-version TLSv1.2|TLSv1.3]");
        assertThat(OptionSpec.file("cert", "certificate").synopsis()).isEqualTo("[--cert FILE]");
    }
}
