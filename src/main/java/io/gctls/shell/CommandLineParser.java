package io.gctls.shell;

import io.gctls.core.GctlsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.ExtendedDefaultParser;

/**
 * Turns a command line into a {@link ParsedCommand}, strictly. Spring Shell 4.0.1's
 * DefaultCommandParser accepts unknown options silently, splits only on double quotes, and
 * misreads a boolean flag at the end of a sub-command line; a mistyped {@code --stirct} in a CI
 * script must be an error (exit 2), not a silently different run, so gctls parses itself.
 * JLine's parser (via Spring Shell) still does the word splitting and quoting.
 */
public final class CommandLineParser {

    private static final int LONGEST_COMMAND_WORDS = 3;

    private final CommandRegistry registry;

    public CommandLineParser(CommandRegistry registry) {
        this.registry = registry;
    }

    public static List<String> words(String line) {
        ExtendedDefaultParser parser = new ExtendedDefaultParser();
        parser.setEofOnUnclosedQuote(true);
        try {
            // cursor -1: no trailing empty "word being completed"
            return List.copyOf(parser.parse(line, -1, ParseContext.ACCEPT_LINE).words());
        } catch (EOFError e) {
            throw GctlsException.usage("unclosed quote in: " + line.strip());
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
        if (!family.isEmpty()) {
            String given = words.size() > 1 ? "'" + first + " " + words.get(1) + "' is not a command" : "'" + first
                    + "' needs a sub-command";
            return GctlsException.usage(given + "; one of: " + String.join(", ", family));
        }
        return GctlsException.usage("unknown command '" + first + "' (try: help)");
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
                String values = spec.secret() ? "" : " ('" + options.get(spec.name()) + "' and '" + value + "')";
                throw GctlsException.usage("--" + spec.name() + " is given twice" + values + "; give it once");
            }
            if (spec.kind() == OptionSpec.Kind.CHOICE && !spec.choices().contains(value)) {
                throw GctlsException.usage("--" + spec.name() + " must be one of " + String.join(", ", spec.choices())
                        + ", not '" + value + "'");
            }
            options.put(spec.name(), value);
        }
        if (!arguments.isEmpty() && command.argumentsSynopsis().isEmpty() && !options.containsKey("help")) {
            throw GctlsException.usage("'" + command.getName() + "' takes no arguments, only options: '"
                    + arguments.get(0) + "' is not one (see: help " + command.getName() + ")");
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
        throw GctlsException.usage("unknown option " + (longForm ? "--" : "-") + name + " for '" + command.getName()
                + "' (see: help " + command.getName() + ")");
    }
}
