package io.gctls.shell;

import io.gctls.core.GctlsException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                continue; // the parser refuses unknown options before this
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
}
