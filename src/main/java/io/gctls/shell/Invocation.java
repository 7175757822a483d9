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
 * for input, and the Ctrl-C signal. A command reads its options with {@link #get(Opt)} (the value
 * the parser converted, else the option's default) or {@link #optional(Opt)}; reading an option
 * the command did not declare is a programming error that fails the first test that runs it. The
 * string-keyed accessors are the older form, kept while commands move to typed options.
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
    private final Map<String, Object> values;
    private final Map<String, OptionSpec> declared;

    Invocation(String commandName, Map<String, String> options, List<String> arguments, Output output,
            Prompter prompter, Cancellation cancellation, boolean debug, boolean strict, SessionSettings session) {
        this(commandName, options, arguments, Map.of(), List.of(), output, prompter, cancellation, debug, strict,
                session);
    }

    Invocation(ParsedCommand parsed, Output output, Prompter prompter, Cancellation cancellation, boolean debug,
            boolean strict, SessionSettings session) {
        this(parsed.command().getName(), parsed.options(), parsed.arguments(), parsed.values(),
                parsed.command().optionSpecs(), output, prompter, cancellation, debug, strict, session);
    }

    private Invocation(String commandName, Map<String, String> options, List<String> arguments,
            Map<String, Object> values, List<OptionSpec> declared, Output output, Prompter prompter,
            Cancellation cancellation, boolean debug, boolean strict, SessionSettings session) {
        this.commandName = commandName;
        this.options = Map.copyOf(options);
        this.arguments = List.copyOf(arguments);
        this.values = Map.copyOf(values);
        this.declared = declared.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(OptionSpec::name,
                s -> s, (a, b) -> a));
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

    /**
     * The listener to hand to the API and the domain: notes become lines on stderr, waits a
     * countdown at a terminal (and nothing elsewhere).
     */
    public io.gctls.api.Progress progress() {
        return output.progress();
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

    /** The option's value: as given (converted and checked by the parser), else its default. */
    public <T> T get(Opt<T> option) {
        return optional(option).or(() -> Optional.ofNullable(option.fallback())).orElseThrow(() ->
                GctlsException.usage("'" + commandName + "' needs --" + option.name() + " " + option.valueName()
                        + " (see: help " + commandName + ")"));
    }

    /** The option's value when it was given; its default is not applied. */
    public <T> Optional<T> optional(Opt<T> option) {
        OptionSpec spec = declared(option);
        if (!options.containsKey(option.name())) {
            return Optional.empty();
        }
        Object value = spec == option ? values.get(option.name()) : null;
        // another declaration of the same name (a copy made mandatory, say) converts for itself
        return Optional.of(value != null ? option.cast(value) : option.convertChecked(options.get(
                option.name())));
    }

    /** True when the command declares an option of this name. */
    public boolean declares(String option) {
        return declared.containsKey(option);
    }

    /** True when the option was on the command line. */
    public boolean given(OptionSpec option) {
        declared(option);
        return options.containsKey(option.name());
    }

    private OptionSpec declared(OptionSpec option) {
        OptionSpec spec = declared.get(option.name());
        if (spec == null) {
            throw new IllegalStateException("'" + commandName + "' reads --" + option.name()
                    + " but does not declare it");
        }
        return spec;
    }

    /** @deprecated declare the option as an {@link Opt} and read it with {@link #get(Opt)} or {@link #optional(Opt)} */
    @Deprecated
    public Optional<String> string(String option) {
        return Optional.ofNullable(options.get(option)).filter(v -> !v.isEmpty());
    }

    /** @deprecated declare the option as an {@link Opt} and read it with {@link #get(Opt)} or {@link #optional(Opt)} */
    @Deprecated
    public String requiredString(String option) {
        return string(option).orElseThrow(() -> GctlsException.usage(
                "'" + commandName + "' needs --" + option + " (see: help " + commandName + ")"));
    }

    /** @deprecated declare the option as an {@link Opt} and read it with {@link #get(Opt)} or {@link #optional(Opt)} */
    @Deprecated
    public boolean flag(String option) {
        String value = options.get(option);
        return value != null && OptionSpec.flag(option, "").convertChecked(value);
    }

    /** @deprecated declare the option as an {@link Opt} and read it with {@link #get(Opt)} or {@link #optional(Opt)} */
    @Deprecated
    public Optional<Path> path(String option) {
        return string(option).map(value -> OptionSpec.file(option, "").convertChecked(value));
    }

    /** @deprecated declare the option as an {@link Opt} and read it with {@link #get(Opt)} or {@link #optional(Opt)} */
    @Deprecated
    public Path requiredPath(String option) {
        return OptionSpec.file(option, "").convertChecked(requiredString(option));
    }

    /** @deprecated declare the option as an {@link Opt} and read it with {@link #get(Opt)} or {@link #optional(Opt)} */
    @Deprecated
    public int integer(String option, int fallback) {
        Optional<String> value = string(option);
        if (value.isEmpty()) {
            return fallback;
        }
        return OptionSpec.integer(option, "N", null, "").convertChecked(value.get());
    }

    /** @deprecated declare the option as an {@link Opt} and read it with {@link #get(Opt)} or {@link #optional(Opt)} */
    @Deprecated
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
        return OptionSpec.duration(option, null, "").convertChecked(value);
    }

}
