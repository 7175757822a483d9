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

/** Tab for values only the API knows, from what the session (or an earlier run) saw; never the network. */
class LiveCompletionTest {

    @TempDir
    Path cacheDir;

    private static GctlsCommand command(String name, Completion argument, OptionSpec... options) {
        return new GctlsCommand(name, "Test", name, List.of(), options) {
            @Override
            public Completion argumentCompletion() {
                return argument;
            }

            @Override
            public String argumentsSynopsis() {
                return argument == Completion.NONE ? "" : "ARG";
            }

            @Override
            public Outcome run(Invocation invocation) {
                return Outcome.done();
            }
        };
    }

    private final List<GctlsCommand> commands = List.of(
            command("domains show", Completion.DOMAIN_IDS),
            command("domains list", Completion.NONE, OptionSpec.value("domain", "NAME", "d")
                    .completing(Completion.DOMAIN_NAMES)),
            command("probe", Completion.HOSTS),
            command("help", Completion.COMMANDS),
            command("sandbox start", Completion.NONE),
            command("sandbox fault clear", Completion.NONE));

    private List<String> complete(String line) {
        ParsedLine parsed = LineSyntax.forPrompt().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        new GctlsCompleter(new CommandRegistry(new HashSet<>(commands)), commands, () -> CompletionCache.in(cacheDir))
                .complete(null, parsed, candidates);
        return candidates.stream().map(Candidate::value).filter(v -> !v.startsWith("-")).toList();
    }

    @Test
    void helpCompletesCommandNamesWordByWord() {
        assertThat(complete("help ")).contains("domains", "probe", "sandbox", "help");
        assertThat(complete("help sandbox ")).containsExactly("fault", "start");
        assertThat(complete("help sandbox fault ")).containsExactly("clear");
    }

    @Test
    void domainIdsNamesAndHostsComeFromWhatWasSeen() {
        assertThat(complete("domains show ")).isEmpty();
        CompletionCache.in(cacheDir).remember(List.of(new CompletionCache.Entry("id-1", "www.example.com"),
                new CompletionCache.Entry("id-2", "api.example.com")));
        CompletionCache.in(cacheDir).rememberHost("probed.example.org");
        assertThat(complete("domains show ")).containsExactly("id-2", "id-1");
        assertThat(complete("domains list --domain ")).containsExactly("api.example.com", "www.example.com");
        assertThat(complete("probe ")).containsExactly("probed.example.org", "api.example.com", "www.example.com");
    }

    @Test
    void aPromptOpenedLaterKnowsWhatEarlierRunsSaw() throws Exception {
        Path shared = cacheDir.resolve("shared");
        CompletionCache.in(shared).rememberDomain("id-9", "later.example.com");
        assertThat(Files.getPosixFilePermissions(shared.resolve(CompletionCache.FILE)))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        // another process: a fresh cache object on the same file
        java.lang.reflect.Constructor<CompletionCache> fresh = CompletionCache.class.getDeclaredConstructor(Path.class);
        fresh.setAccessible(true);
        CompletionCache other = fresh.newInstance(shared.resolve(CompletionCache.FILE));
        assertThat(other.ids()).containsExactly("id-9");
        assertThat(other.names()).containsExactly("later.example.com");
    }

    @Test
    void keepsOnlyTheNewestEntries() {
        CompletionCache cache = CompletionCache.in(cacheDir.resolve("many"));
        List<CompletionCache.Entry> many = new ArrayList<>();
        for (int i = 0; i < CompletionCache.KEEP + 20; i++) {
            many.add(new CompletionCache.Entry("id-" + i, "d" + i + ".example.com"));
        }
        cache.remember(many);
        assertThat(cache.ids()).hasSize(CompletionCache.KEEP).first().isEqualTo("id-" + (CompletionCache.KEEP + 19));
    }
}
