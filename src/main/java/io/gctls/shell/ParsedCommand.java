package io.gctls.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ParsedInput;

/** A command line resolved to its command, with option values by long name and positional arguments. */
public record ParsedCommand(GctlsCommand command, Map<String, String> options, List<String> arguments) {

    public boolean has(String option) {
        return options.containsKey(option);
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
