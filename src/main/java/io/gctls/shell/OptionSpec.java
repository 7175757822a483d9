package io.gctls.shell;

import io.gctls.auth.ConnectionResolver;
import io.gctls.core.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One option a command accepts, as the parser, the help pages and Tab completion see it: its name,
 * kind, value name, description, default, and whether it is required or carries a secret. Every
 * option is declared as a typed {@link Opt} (the factories here return one), which also knows how
 * to convert and check its value; the parser does that before the command runs, so a bad value is
 * a usage error (exit 2) naming the option, and the command reads the converted value with
 * {@link Invocation#get(Opt)}.
 */
public abstract sealed class OptionSpec permits Opt {

    /** What Tab completes for the option: nothing (a flag), free text, file paths, or a fixed list. */
    public enum Kind { FLAG, VALUE, FILE, CHOICE }

    /** How the option's value looks in the help page, e.g. {@code DURATION} or {@code N}. */
    static final String DURATION = "DURATION";

    private final String name;
    private final char shortName;
    private final Kind kind;
    private final String valueName;
    private final String description;
    private final boolean required;
    private final String defaultValue;
    private final List<String> choices;
    private final boolean secret;

    OptionSpec(String name, char shortName, Kind kind, String valueName, String description, boolean required,
            String defaultValue, List<String> choices, boolean secret) {
        this.name = name;
        this.shortName = shortName;
        this.kind = kind;
        this.valueName = valueName;
        this.description = description;
        this.required = required;
        this.defaultValue = defaultValue;
        this.choices = List.copyOf(choices);
        this.secret = secret;
    }

    // ------------------------------------------------------------------------------- factories

    /** A switch: {@code --dry-run}. Absent is false. */
    public static Opt<Boolean> flag(String name, String description) {
        return Opt.create(name, Kind.FLAG, "", description, "an on/off flag", Opt::flagValue, Object::toString)
                .withDefault(false, "");
    }

    /** Free text, never empty: {@code --domain NAME}. */
    public static Opt<String> value(String name, String valueName, String description) {
        return Opt.create(name, Kind.VALUE, valueName, description, "a value", v -> v, v -> v);
    }

    /** A file path; {@code ~/} is the home folder. */
    public static Opt<Path> file(String name, String description) {
        return Opt.create(name, Kind.FILE, "FILE", description, "a file path", Opt::pathValue, Path::toString);
    }

    /** One of a fixed list, exactly as listed: {@code --output text|json}. */
    public static Opt<String> choice(String name, List<String> choices, String description) {
        return Opt.create(name, Kind.CHOICE, String.join("|", choices), description, "one of "
                + String.join(", ", choices), v -> Opt.choiceValue(v, choices), v -> v).withChoices(choices);
    }

    /**
     * A duration as people type it ({@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d},
     * {@code PT5S}); never negative. {@code defaultValue} may be null (then the option is "not given").
     */
    public static Opt<Duration> duration(String name, Duration defaultValue, String description) {
        Opt<Duration> opt = Opt.create(name, Kind.VALUE, DURATION, description,
                "a duration such as 500ms, 5s, 2m, 1h or 1d", Durations::parse, Durations::format);
        return defaultValue == null ? opt : opt.withDefault(defaultValue, Durations.format(defaultValue));
    }

    /** A whole number in ASCII digits. {@code defaultValue} may be null. */
    public static Opt<Integer> integer(String name, String valueName, Integer defaultValue, String description) {
        Opt<Integer> opt = Opt.create(name, Kind.VALUE, valueName, description, "a whole number",
                Opt::integerValue, String::valueOf);
        return defaultValue == null ? opt : opt.withDefault(defaultValue, String.valueOf(defaultValue));
    }

    /** An http(s) URL with a host and a port that exists. */
    public static Opt<String> url(String name, String description) {
        return Opt.create(name, Kind.VALUE, "URL", description, "an http(s) URL such as https://api.mypurecloud.ie",
                v -> {
                    ConnectionResolver.urlProblem(v).ifPresent(problem -> {
                        throw new IllegalArgumentException(problem);
                    });
                    return v.strip();
                }, v -> v);
    }

    /**
     * A value of the command's own type; {@code parse} throws {@link IllegalArgumentException}
     * saying what is wrong, and {@code what} describes a good value for the error line (empty: the
     * exception's message is the whole explanation).
     */
    public static <T> Opt<T> of(String name, String valueName, String description, String what,
            Function<String, T> parse, Function<T, String> show) {
        return Opt.create(name, Kind.VALUE, valueName, description, what, parse::apply, show);
    }

    // ------------------------------------------------------------------------------- the descriptor

    public String name() {
        return name;
    }

    public char shortName() {
        return shortName;
    }

    public Kind kind() {
        return kind;
    }

    public String valueName() {
        return valueName;
    }

    public String description() {
        return description;
    }

    public boolean required() {
        return required;
    }

    /** The default as the help page shows it; empty when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    public List<String> choices() {
        return choices;
    }

    public boolean secret() {
        return secret;
    }

    /** What Tab offers for the value beyond the kind's files and choices. */
    public Completion completion() {
        return Completion.NONE;
    }

    /** What a value must be, as help shows it: {@code at least 1}, {@code at most 500}. */
    public List<String> rules() {
        return List.of();
    }

    public abstract OptionSpec mandatory();

    public abstract OptionSpec defaultValue(String value);

    public abstract OptionSpec shortName(char c);

    public abstract OptionSpec sensitive();

    /**
     * Converts and checks a value given on the command line.
     *
     * @throws io.gctls.core.GctlsException a usage error naming the option
     */
    abstract Object convert(String raw);

    public boolean takesValue() {
        return kind != Kind.FLAG;
    }

    /**
     * The synopsis form: {@code --cert FILE}, {@code [--strict]}. The value name is shown as declared
     * ({@code TLSv1.2|TLSv1.3} is a value to type, not a placeholder to shout).
     */
    public String synopsis() {
        String core = "--" + name + (takesValue() ? " " + valueName : "");
        return required ? core : "[" + core + "]";
    }

    @Override
    public String toString() {
        return "--" + name;
    }
}
