package io.gctls.shell;

import io.gctls.core.GctlsException;
import io.gctls.core.Quote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Turns a command line into a {@link ParsedCommand}, strictly. Spring Shell 4.0.1's
 * DefaultCommandParser accepts unknown options silently, splits only on double quotes, and
 * misreads a boolean flag at the end of a sub-command line; a mistyped {@code --stirct} in a CI
 * script must be an error (exit 2), not a silently different run, so gctls parses itself, and
 * says what was probably meant. JLine's parser ({@link LineSyntax}) still does the word splitting,
 * quoting, escapes and comments.
 */
public final class CommandLineParser {

    private static final int LONGEST_COMMAND_WORDS = 3;

    private final CommandRegistry registry;

    public CommandLineParser(CommandRegistry registry) {
        this.registry = registry;
    }

    /** The words of a line as typed at the prompt or in a command file; a {@code #} comment is dropped. */
    public static List<String> words(String line) {
        try {
            // cursor -1: no trailing empty "word being completed"
            return List.copyOf(LineSyntax.forLines().parse(line, -1, ParseContext.ACCEPT_LINE).words());
        } catch (EOFError e) {
            throw GctlsException.usage("unclosed quote in: " + Quote.shortened(line.strip(), Quote.LONGEST));
        }
    }

    public ParsedCommand parse(String line) {
        return parse(words(line));
    }

    public ParsedCommand parse(List<String> words) {
        if (words.isEmpty()) {
            throw GctlsException.usage("no command given (try: help)");
        }
        for (int n = Math.min(LONGEST_COMMAND_WORDS, words.size()); n >= 1; n--) {
            Optional<GctlsCommand> command = find(String.join(" ", words.subList(0, n)));
            if (command.isPresent()) {
                return parseOptions(command.get(), words.subList(n, words.size()));
            }
        }
        throw unknownCommand(words);
    }

    public Optional<GctlsCommand> find(String name) {
        Command command = registry.getCommandByName(name);
        return command instanceof GctlsCommand gctls ? Optional.of(gctls) : Optional.empty();
    }

    private GctlsException unknownCommand(List<String> words) {
        String first = words.get(0);
        List<String> family = registry.getCommandsByPrefix(first + " ").stream().map(Command::getName).sorted()
                .toList();
        Optional<String> meant = didYouMean(words);
        String hint = meant.map(m -> "; did you mean '" + m + "'?").orElse("");
        if (!family.isEmpty()) {
            String given = words.size() > 1 ? Quote.of(first + " " + words.get(1)) + " is not a command"
                    : Quote.of(first) + " needs a sub-command";
            return GctlsException.usage(given + hint + (meant.isPresent() ? " (" : "; ") + "one of: "
                    + String.join(", ", family) + (meant.isPresent() ? ")" : ""));
        }
        String typed = meant.map(m -> String.join(" ", words.subList(0, Math.min(words.size(),
                m.split(" ").length)))).orElse(first);
        return GctlsException.usage("unknown command " + Quote.of(typed) + hint + " (try: help)");
    }

    /** The command whose name is nearest to the line's first one, two or three words. */
    private Optional<String> didYouMean(List<String> words) {
        List<String> names = registry.getCommands().stream().filter(c -> !c.isHidden()).map(Command::getName)
                .toList();
        Optional<String> best = Optional.empty();
        int bestDistance = Integer.MAX_VALUE;
        for (int n = 1; n <= Math.min(LONGEST_COMMAND_WORDS, words.size()); n++) {
            int length = n;
            String typed = String.join(" ", words.subList(0, n));
            List<String> sameLength = names.stream().filter(name -> name.split(" ").length == length).toList();
            Optional<String> near = Suggestions.nearest(typed, sameLength);
            if (near.isPresent()) {
                int distance = org.jline.utils.Levenshtein.distance(typed, near.get());
                if (distance < bestDistance) {
                    best = near;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private static ParsedCommand parseOptions(GctlsCommand command, List<String> rest) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String word = rest.get(i);
            if (word.equals("--")) {
                arguments.addAll(rest.subList(i + 1, rest.size()));
                break;
            }
            if (!isOptionWord(word)) {
                arguments.add(word);
                continue;
            }
            String name = word.startsWith("--") ? word.substring(2) : word.substring(1);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            OptionSpec spec = lookup(command, name, word.startsWith("--"));
            String value;
            if (!spec.takesValue()) {
                value = inline == null ? "true" : inline;
            } else if (inline != null) {
                value = inline;
            } else if (i + 1 < rest.size() && !rest.get(i + 1).startsWith("--")) {
                value = rest.get(++i);
            } else {
                throw GctlsException.usage("--" + spec.name() + " needs a value (" + spec.valueName() + ")");
            }
            if (spec.takesValue() && options.containsKey(spec.name())) {
                String values = spec.secret() ? "" : " (" + Quote.of(options.get(spec.name())) + " and "
                        + Quote.of(value) + ")";
                throw GctlsException.usage("--" + spec.name() + " is given twice" + values + "; give it once");
            }
            options.put(spec.name(), value);
        }
        if (!arguments.isEmpty() && command.argumentsSynopsis().isEmpty() && !options.containsKey("help")) {
            throw GctlsException.usage("'" + command.getName() + "' takes no arguments, only options: "
                    + Quote.of(arguments.get(0)) + " is not one (see: help " + command.getName() + ")");
        }
        if (!options.containsKey("help")) {
            for (OptionSpec spec : command.optionSpecs()) {
                if (spec.required() && !options.containsKey(spec.name())) {
                    throw GctlsException.usage("'" + command.getName() + "' needs --" + spec.name() + " "
                            + spec.valueName() + " (see: help " + command.getName() + ")");
                }
            }
        }
        return new ParsedCommand(command, options, arguments);
    }

    private static boolean isOptionWord(String word) {
        // "-" alone is an argument (stdin by convention); negative numbers are arguments too
        return word.startsWith("-") && word.length() > 1 && !Character.isDigit(word.charAt(1));
    }

    private static OptionSpec lookup(GctlsCommand command, String name, boolean longForm) {
        for (OptionSpec spec : command.optionSpecs()) {
            if (longForm ? spec.name().equals(name) : name.length() == 1 && spec.shortName() == name.charAt(0)) {
                return spec;
            }
        }
        String typed = (longForm ? "--" : "-") + name;
        Optional<String> meant = longForm ? Suggestions.nearest(name, command.optionSpecs().stream()
                .map(OptionSpec::name).toList()) : Optional.empty();
        throw GctlsException.usage("unknown option " + Quote.shortened(typed, Quote.LONGEST) + " for '"
                + command.getName() + "'" + meant.map(m -> "; did you mean --" + m + "?").orElse("")
                + " (see: help " + command.getName() + ")");
    }
}
