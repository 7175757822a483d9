package io.gctls.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;

/**
 * Tab at the prompt: Spring Shell's completer for command names, options, file paths and fixed
 * choices, plus what only gctls knows: command names after {@code help}, and the deployed domains
 * and probed hosts of the {@link CompletionCache} for {@code domains show <Tab>},
 * {@code --domain <Tab>} and {@code probe <Tab>}. Nothing here touches the network.
 */
public final class GctlsCompleter implements Completer {

    private static final int LONGEST_COMMAND_WORDS = 3;

    private final CommandCompleter delegate;
    private final Collection<GctlsCommand> commands;
    private final Supplier<CompletionCache> cache;

    GctlsCompleter(CommandRegistry registry, Collection<GctlsCommand> commands, Supplier<CompletionCache> cache) {
        this.delegate = new CommandCompleter(registry);
        this.commands = List.copyOf(commands);
        this.cache = cache;
    }

    /**
     * What Tab at the end of {@code line} offers in {@code shell}'s prompt, as the values it would
     * insert: the completion API for tests and tools, reading only what the prompt reads.
     */
    public static List<String> complete(GctlsShell shell, String line) {
        ParsedLine parsed = LineSyntax.forPrompt().parse(line, line.length(),
                org.jline.reader.Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        new GctlsCompleter(shell.registry(), shell.commands(), shell::completionCache).complete(null, parsed,
                candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        delegate.complete(reader, line, candidates);
        List<String> words = line.words();
        int index = line.wordIndex();
        Optional<GctlsCommand> found = commandOf(words, index);
        if (found.isEmpty()) {
            return;
        }
        GctlsCommand command = found.get();
        int nameWords = command.getName().split(" ").length;
        String previous = index > 0 ? words.get(index - 1) : "";
        Completion kind;
        if (previous.startsWith("--") && index > nameWords) {
            Optional<OptionSpec> option = command.optionSpec(previous.substring(2));
            if (option.isPresent() && option.get().takesValue()) {
                kind = option.get().completion();
            } else {
                kind = line.word().startsWith("-") ? Completion.NONE : command.argumentCompletion();
            }
        } else {
            kind = line.word().startsWith("-") ? Completion.NONE : command.argumentCompletion();
        }
        Set<String> existing = new java.util.HashSet<>();
        candidates.forEach(c -> existing.add(c.value()));
        for (String value : values(kind, words.subList(nameWords, index))) {
            if (existing.add(value)) {
                candidates.add(new Candidate(value, value, null, null, null, null, true));
            }
        }
    }

    private List<String> values(Completion kind, List<String> argumentsBefore) {
        return switch (kind) {
            case NONE -> List.of();
            case COMMANDS -> nextCommandWords(argumentsBefore);
            case DOMAIN_IDS -> cache.get().ids();
            case DOMAIN_NAMES -> cache.get().names();
            case HOSTS -> cache.get().hosts();
        };
    }

    /** After {@code help cert }: the next word of every command name that starts that way. */
    private List<String> nextCommandWords(List<String> typed) {
        Set<String> next = new LinkedHashSet<>();
        for (GctlsCommand command : commands) {
            if (command.isHidden()) {
                continue;
            }
            String[] name = command.getName().split(" ");
            if (name.length > typed.size() && List.of(name).subList(0, typed.size()).equals(typed)) {
                next.add(name[typed.size()]);
            }
        }
        return new ArrayList<>(next).stream().sorted().toList();
    }

    /** The command the words before the cursor name, the longest name first. */
    private Optional<GctlsCommand> commandOf(List<String> words, int index) {
        for (int n = Math.min(LONGEST_COMMAND_WORDS, index); n >= 1; n--) {
            String name = String.join(" ", words.subList(0, n));
            Optional<GctlsCommand> match = commands.stream().filter(c -> c.getName().equals(name)).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }
}
