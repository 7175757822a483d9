package io.gctls.shell;

import io.gctls.core.GctlsException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ParsedInput;

/**
 * A command line resolved to its command, with option values by long name (as typed, and
 * converted to each option's type) and positional arguments.
 */
public record ParsedCommand(GctlsCommand command, Map<String, String> options, List<String> arguments,
        Map<String, Object> values) {

    public ParsedCommand {
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        arguments = List.copyOf(arguments);
        values = java.util.Collections.unmodifiableMap(new HashMap<>(values));
    }

    /** Converts every given value to its option's type: a bad value is a usage error before the command runs. */
    public ParsedCommand(GctlsCommand command, Map<String, String> options, List<String> arguments) {
        this(command, options, arguments, convert(command, options));
    }

    public boolean has(String option) {
        return options.containsKey(option);
    }

    private static Map<String, Object> convert(GctlsCommand command, Map<String, String> options) {
        Map<String, Object> values = new HashMap<>();
        boolean help = options.containsKey("help");
        for (Map.Entry<String, String> given : options.entrySet()) {
            OptionSpec spec = command.optionSpec(given.getKey()).orElse(null);
            if (spec == null) {
                continue; // the parser refuses unknown options; Spring Shell's own path may bring others
            }
            try {
                values.put(spec.name(), spec.convert(given.getValue()));
            } catch (GctlsException e) {
                if (!help) {
                    throw e; // with --help the page is shown whatever the values
                }
            }
        }
        return values;
    }

    /** Adapts Spring Shell's own parse result, for the path where Spring Shell drives the command. */
    static ParsedCommand from(GctlsCommand command, ParsedInput input) {
        Map<String, String> options = new LinkedHashMap<>();
        for (CommandOption option : input.options()) {
            String name = option.longName() == null || option.longName().isEmpty()
                    ? command.optionSpecs().stream().filter(s -> s.shortName() == option.shortName())
                            .map(OptionSpec::name).findFirst().orElse(String.valueOf(option.shortName()))
                    : option.longName();
            options.put(name, option.value() == null ? "" : option.value());
        }
        return new ParsedCommand(command, options, input.arguments().stream().map(CommandArgument::value).toList());
    }
}
