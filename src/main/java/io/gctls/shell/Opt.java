package io.gctls.shell;

import io.gctls.core.GctlsException;
import io.gctls.core.Quote;
import io.gctls.core.XdgDirs;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A typed option, declared once with its type, default and help, and read by the command as
 * {@code invocation.get(TIMEOUT)}:
 *
 * <pre>{@code
 * static final Opt<Duration> TIMEOUT = OptionSpec.duration("timeout", Duration.ofMinutes(2), "how long to wait")
 *         .atLeast(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>The parser converts the value before the command runs; an empty value, a value of the wrong
 * type (only ASCII digits make a number) or one out of range is a usage error naming the option.
 * The default shown by {@code help} is the one the command gets.
 *
 * @param <T> the type the command reads
 */
public final class Opt<T> extends OptionSpec {

    /** Parses a value; throws {@link IllegalArgumentException} saying what is wrong with it. */
    @FunctionalInterface
    interface Parse<T> {
        T parse(String raw);
    }

    private record Check<T>(Predicate<T> holds, String rule) {
    }

    private final String what;
    private final Parse<T> parse;
    private final Function<T, String> show;
    private final T fallback;
    private final List<Check<T>> checks;
    private final Completion completion;

    private Opt(String name, char shortName, Kind kind, String valueName, String description, boolean required,
            String shownDefault, List<String> choices, boolean secret, String what, Parse<T> parse,
            Function<T, String> show, T fallback, List<Check<T>> checks, Completion completion) {
        super(name, shortName, kind, valueName, description, required, shownDefault, choices, secret);
        this.what = what;
        this.parse = parse;
        this.show = show;
        this.fallback = fallback;
        this.checks = List.copyOf(checks);
        this.completion = completion;
    }

    static <T> Opt<T> create(String name, Kind kind, String valueName, String description, String what,
            Parse<T> parse, Function<T, String> show) {
        return new Opt<>(name, ' ', kind, valueName, description, false, "", List.of(), false, what, parse, show,
                null, List.of(), Completion.NONE);
    }

    // ------------------------------------------------------------------------------- declaring

    /** The value the command gets when the option is not given; shown by help as {@code shown}. */
    Opt<T> withDefault(T value, String shown) {
        return new Opt<>(name(), shortName(), kind(), valueName(), description(), required(), shown, choices(),
                secret(), what, parse, show, value, checks, completion);
    }

    Opt<T> withChoices(List<String> values) {
        return new Opt<>(name(), shortName(), kind(), valueName(), description(), required(), defaultValue(), values,
                secret(), what, parse, show, fallback, checks, completion);
    }

    /** The command cannot run without it: the parser says so before the command starts. */
    @Override
    public Opt<T> mandatory() {
        return new Opt<>(name(), shortName(), kind(), valueName(), description(), true, defaultValue(), choices(),
                secret(), what, parse, show, fallback, checks, completion);
    }

    /** A default written as the user would type it; it is converted (and checked) like a typed value. */
    @Override
    public Opt<T> defaultValue(String value) {
        return withDefault(convertChecked(value), value);
    }

    /** The typed default. */
    public Opt<T> defaultTo(T value) {
        return withDefault(value, show.apply(value));
    }

    @Override
    public Opt<T> shortName(char c) {
        return new Opt<>(name(), c, kind(), valueName(), description(), required(), defaultValue(), choices(),
                secret(), what, parse, show, fallback, checks, completion);
    }

    /** The value is a secret: never echoed, never kept in history, never quoted in an error. */
    @Override
    public Opt<T> sensitive() {
        return new Opt<>(name(), shortName(), kind(), valueName(), description(), required(), defaultValue(),
                choices(), true, what, parse, show, fallback, checks, completion);
    }

    /** What Tab offers for the value, beyond files and fixed lists (deployed domain names, say). */
    public Opt<T> completing(Completion values) {
        return new Opt<>(name(), shortName(), kind(), valueName(), description(), required(), defaultValue(),
                choices(), secret(), what, parse, show, fallback, checks, values);
    }

    @Override
    public Completion completion() {
        return completion;
    }

    @Override
    public List<String> rules() {
        return checks.stream().map(Check::rule).toList();
    }

    /** Values below {@code least} are usage errors. */
    public Opt<T> atLeast(T least) {
        return check(v -> compare(v, least) >= 0, "at least " + show.apply(least));
    }

    /** Values above {@code most} are usage errors. */
    public Opt<T> atMost(T most) {
        return check(v -> compare(v, most) <= 0, "at most " + show.apply(most));
    }

    /** Values for which {@code holds} is false are usage errors: "--NAME must be RULE, not VALUE". */
    public Opt<T> check(Predicate<T> holds, String rule) {
        List<Check<T>> more = new ArrayList<>(checks);
        more.add(new Check<>(holds, rule));
        return new Opt<>(name(), shortName(), kind(), valueName(), description(), required(), defaultValue(),
                choices(), secret(), what, parse, show, fallback, more, completion);
    }

    // ------------------------------------------------------------------------------- reading

    /** The default, or null when the option has none. */
    public T fallback() {
        return fallback;
    }

    public boolean hasDefault() {
        return fallback != null;
    }

    @SuppressWarnings("unchecked")
    T cast(Object value) {
        return (T) value;
    }

    @Override
    Object convert(String raw) {
        return convertChecked(raw);
    }

    T convertChecked(String raw) {
        if (kind() == Kind.FLAG) {
            return parseOrRefuse(raw);
        }
        if (raw.isBlank()) {
            throw GctlsException.usage("--" + name() + " was given an empty value; give " + valueName()
                    + " or leave the option out");
        }
        T value = parseOrRefuse(raw);
        for (Check<T> check : checks) {
            if (!check.holds().test(value)) {
                throw GctlsException.usage("--" + name() + " must be " + check.rule() + ", not "
                        + (secret() ? "that" : show.apply(value)));
            }
        }
        return value;
    }

    private T parseOrRefuse(String raw) {
        try {
            return parse.parse(raw);
        } catch (IllegalArgumentException e) {
            String given = secret() ? "the value given" : Quote.of(raw);
            if (kind() == Kind.FLAG) {
                throw GctlsException.usage("--" + name() + " is a flag; it takes no value (" + given + ")");
            }
            if (kind() == Kind.CHOICE) {
                throw GctlsException.usage("--" + name() + " must be one of " + String.join(", ", choices())
                        + ", not " + given);
            }
            // "not a duration" after "expects a duration" says nothing new
            if (what.isEmpty() && e.getMessage() != null) {
                // the parser's own sentence says it all (it names the forms it accepts)
                throw GctlsException.usage("--" + name() + ": " + e.getMessage());
            }
            String why = e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().startsWith("not a ")
                    ? "" : " (" + e.getMessage() + ")";
            throw GctlsException.usage("--" + name() + " expects " + what + ", not " + given + why);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> int compare(T value, T bound) {
        return ((Comparable<T>) value).compareTo(bound);
    }

    // ------------------------------------------------------------------------------- the types

    static Boolean flagValue(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "", "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException();
        };
    }

    static Path pathValue(String raw) {
        try {
            if (raw.equals("~") || raw.startsWith("~/")) {
                return Path.of(XdgDirs.home() + raw.substring(1));
            }
            return Path.of(raw);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a usable path", e);
        }
    }

    static String choiceValue(String raw, List<String> choices) {
        if (!choices.contains(raw)) {
            throw new IllegalArgumentException();
        }
        return raw;
    }

    static Integer integerValue(String raw) {
        return io.gctls.core.Numbers.parseInt(raw);
    }
}
