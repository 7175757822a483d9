package io.gctls.shell;

import io.gctls.core.Cancellation;
import io.gctls.core.GctlsException;
import io.gctls.core.Prompter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of one command: its parsed options and arguments, where output goes, who can be asked
 * for input, and the Ctrl-C signal. Typed accessors turn bad values into usage errors (exit 2)
 * that name the option.
 */
public final class Invocation {

    private final String commandName;
    private final Map<String, String> options;
    private final List<String> arguments;
    private final Output output;
    private final Prompter prompter;
    private final Cancellation cancellation;
    private final boolean debug;
    private final boolean strict;
    private final SessionSettings session;

    Invocation(String commandName, Map<String, String> options, List<String> arguments, Output output,
            Prompter prompter, Cancellation cancellation, boolean debug, boolean strict, SessionSettings session) {
        this.commandName = commandName;
        this.options = Map.copyOf(options);
        this.arguments = List.copyOf(arguments);
        this.output = output;
        this.prompter = prompter;
        this.cancellation = cancellation;
        this.debug = debug;
        this.strict = strict;
        this.session = session;
    }

    /** The session's launch settings: --sandbox, --profile, --no-token-cache. */
    public SessionSettings session() {
        return session;
    }

    public String commandName() {
        return commandName;
    }

    public Output out() {
        return output;
    }

    public Prompter prompter() {
        return prompter;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    public boolean debug() {
        return debug;
    }

    public boolean strict() {
        return strict;
    }

    public boolean has(String option) {
        return options.containsKey(option);
    }

    public Optional<String> string(String option) {
        return Optional.ofNullable(options.get(option)).filter(v -> !v.isEmpty());
    }

    public String requiredString(String option) {
        return string(option).orElseThrow(() -> GctlsException.usage(
                "'" + commandName + "' needs --" + option + " (see: help " + commandName + ")"));
    }

    public boolean flag(String option) {
        String value = options.get(option);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "", "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw GctlsException.usage("--" + option + " is a flag; it takes no value ('" + value + "')");
        };
    }

    public Optional<Path> path(String option) {
        return string(option).map(Invocation::expandHome);
    }

    public Path requiredPath(String option) {
        return expandHome(requiredString(option));
    }

    public int integer(String option, int fallback) {
        Optional<String> value = string(option);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw GctlsException.usage("--" + option + " expects a whole number, not '" + value.get() + "'");
        }
    }

    /** Accepts {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601 {@code PT5S}. */
    public Optional<Duration> duration(String option) {
        return string(option).map(value -> parseDuration(option, value));
    }

    public List<String> arguments() {
        return arguments;
    }

    public Optional<String> argument(int index) {
        return index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
    }

    public String requiredArgument(int index, String name) {
        return argument(index).orElseThrow(() -> GctlsException.usage(
                "'" + commandName + "' needs " + name + " (see: help " + commandName + ")"));
    }

    static Duration parseDuration(String option, String value) {
        try {
            return io.gctls.core.Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw GctlsException.usage("--" + option + " expects a duration such as 500ms, 5s, 2m, 1h or 1d, not '"
                    + value + "'");
        }
    }

    private static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }
}
