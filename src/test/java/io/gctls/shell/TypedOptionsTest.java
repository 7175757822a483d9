package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Prompter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.CommandRegistry;

/** Options declared once with type, default and help; converted and checked by the parser; read typed. */
class TypedOptionsTest {

    static final Opt<Duration> TIMEOUT = OptionSpec.duration("timeout", Duration.ofMinutes(2), "how long")
            .atLeast(Duration.ofSeconds(1));
    static final Opt<Integer> PAGE_SIZE = OptionSpec.integer("page-size", "N", 25, "per page").atLeast(1).atMost(100);
    static final Opt<Path> KEY = OptionSpec.file("key", "the key");
    static final Opt<String> DOMAIN = OptionSpec.value("domain", "NAME", "the name");
    static final Opt<Boolean> DRY_RUN = OptionSpec.flag("dry-run", "send nothing");
    static final Opt<String> API_URL = OptionSpec.url("api-url", "where");
    static final Opt<Duration> UNTIL = OptionSpec.duration("until", null, "end");
    static final Opt<String> UNDECLARED = OptionSpec.value("undeclared", "X", "not on the command");

    private final AtomicReference<Function<Invocation, Object>> reader = new AtomicReference<>(i -> null);
    private final AtomicReference<Object> seen = new AtomicReference<>();

    private final GctlsCommand command = new GctlsCommand("typed", "Test", "typed options", List.of(), TIMEOUT,
            PAGE_SIZE, KEY, DOMAIN, DRY_RUN, API_URL, UNTIL) {
        @Override
        public Outcome run(Invocation invocation) {
            seen.set(reader.get().apply(invocation));
            return Outcome.done();
        }
    };

    private final CommandLineParser parser = new CommandLineParser(new CommandRegistry(new HashSet<>(List.of(
            command))));

    private Object read(String line, Function<Invocation, Object> read) {
        reader.set(read);
        StringWriter out = new StringWriter();
        ExitCode code = CommandRunner.runParsed(command, parser.parse(line), new Output(out, out, OutputFormat.TEXT,
                false), Prompter.none(), Cancellation.never(), SessionSettings.defaults());
        assertThat(code).as(out.toString()).isEqualTo(ExitCode.OK);
        return seen.get();
    }

    private static void refused(Runnable parse, String message) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void theParserConvertsAndTheDefaultIsTheDeclaredOne() {
        assertThat(read("typed --timeout 30s", i -> i.get(TIMEOUT))).isEqualTo(Duration.ofSeconds(30));
        assertThat(read("typed", i -> i.get(TIMEOUT))).isEqualTo(Duration.ofMinutes(2));
        assertThat(read("typed", i -> i.get(PAGE_SIZE))).isEqualTo(25);
        assertThat(read("typed --page-size 7", i -> i.get(PAGE_SIZE))).isEqualTo(7);
        assertThat(read("typed", i -> i.get(DRY_RUN))).isEqualTo(false);
        assertThat(read("typed --dry-run", i -> i.get(DRY_RUN))).isEqualTo(true);
        assertThat(read("typed --key ~/k.pem", i -> i.get(KEY))).isEqualTo(Path.of(System.getProperty("user.home"),
                "k.pem"));
        assertThat(read("typed", i -> i.optional(UNTIL))).isEqualTo(java.util.Optional.empty());
    }

    @Test
    void helpShowsTheDefaultTheCommandGets() {
        assertThat(HelpText.forCommand(command)).contains("--timeout DURATION").contains("(default 2m)")
                .contains("(default 25)");
    }

    @Test
    void readingAnOptionTheCommandDidNotDeclareFails() {
        reader.set(i -> i.get(UNDECLARED));
        StringWriter out = new StringWriter();
        ExitCode code = CommandRunner.runParsed(command, parser.parse("typed"), new Output(out, out,
                OutputFormat.TEXT, false), Prompter.none(), Cancellation.never(), SessionSettings.defaults());
        assertThat(code).isEqualTo(ExitCode.INTERNAL);
        assertThat(out.toString()).contains("'typed' reads --undeclared but does not declare it");
    }

    @Test
    void anEmptyOrBlankValueIsAUsageErrorNeverNotGiven() {
        refused(() -> parser.parse("typed --key ''"), "--key was given an empty value");
        refused(() -> parser.parse("typed --domain '  '"), "--domain was given an empty value");
        refused(() -> parser.parse("typed --timeout=\"\""), "--timeout was given an empty value");
        refused(() -> parser.parse(List.of("typed", "--api-url", "")), "--api-url was given an empty value");
        refused(() -> parser.parse(List.of("typed", "--page-size=")), "--page-size was given an empty value");
    }

    @Test
    void numbersAreAsciiDigitsOnly() {
        refused(() -> parser.parse("typed --page-size \u0663"), "--page-size expects a whole number, not '\u0663'");
        refused(() -> parser.parse("typed --timeout \u0663s"), "--timeout expects a duration");
        refused(() -> parser.parse("typed --page-size 99999999999"), "too large");
    }

    @Test
    void rangesAreCheckedWhenRead() {
        refused(() -> parser.parse("typed --page-size 0"), "--page-size must be at least 1, not 0");
        refused(() -> parser.parse("typed --page-size 101"), "--page-size must be at most 100, not 101");
        refused(() -> parser.parse("typed --timeout 500ms"), "--timeout must be at least 1s, not 500ms");
        refused(() -> parser.parse("typed --until -1s"), "cannot be negative");
        refused(() -> parser.parse("typed --timeout -1s"), "cannot be negative");
        refused(() -> parser.parse("typed --timeout 30"), "needs a unit");
    }

    @Test
    void urlsAreCheckedWhenRead() {
        refused(() -> parser.parse("typed --api-url http://127.0.0.1:99999"), "port 99999 does not exist");
        refused(() -> parser.parse("typed --api-url ftp://example.com"), "must start with https://");
        refused(() -> parser.parse("typed --api-url https://"), "--api-url");
        assertThat(read("typed --api-url http://127.0.0.1:8080", i -> i.get(API_URL)))
                .isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void aHugeValueIsQuotedCutShort() {
        String huge = "9".repeat(100_000) + "x";
        assertThatThrownBy(() -> parser.parse("typed --page-size " + huge))
                .hasMessageContaining("(100001 characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }
}
