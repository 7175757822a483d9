package io.gctls.shell;

import java.util.List;
import java.util.Locale;

/**
 * One option a command accepts. The spec drives parsing (strict: unknown options are usage
 * errors), help text and Tab completion (file paths for {@link Kind#FILE}, values for choices).
 *
 * @param secret the option carries a secret: a line that uses it is never saved in history
 */
public record OptionSpec(String name, char shortName, Kind kind, String valueName, String description,
        boolean required, String defaultValue, List<String> choices, boolean secret) {

    public enum Kind { FLAG, VALUE, FILE, CHOICE }

    public static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, ' ', Kind.FLAG, "", description, false, "", List.of(), false);
    }

    public static OptionSpec value(String name, String valueName, String description) {
        return new OptionSpec(name, ' ', Kind.VALUE, valueName, description, false, "", List.of(), false);
    }

    public static OptionSpec file(String name, String description) {
        return new OptionSpec(name, ' ', Kind.FILE, "FILE", description, false, "", List.of(), false);
    }

    public static OptionSpec choice(String name, List<String> choices, String description) {
        return new OptionSpec(name, ' ', Kind.CHOICE, String.join("|", choices), description, false, "", choices,
                false);
    }

    public OptionSpec mandatory() {
        return new OptionSpec(name, shortName, kind, valueName, description, true, defaultValue, choices, secret);
    }

    public OptionSpec defaultValue(String value) {
        return new OptionSpec(name, shortName, kind, valueName, description, required, value, choices, secret);
    }

    public OptionSpec shortName(char c) {
        return new OptionSpec(name, c, kind, valueName, description, required, defaultValue, choices, secret);
    }

    public OptionSpec sensitive() {
        return new OptionSpec(name, shortName, kind, valueName, description, required, defaultValue, choices, true);
    }

    public boolean takesValue() {
        return kind != Kind.FLAG;
    }

    /** The synopsis form: {@code --cert FILE}, {@code [--strict]}. */
    public String synopsis() {
        String core = "--" + name + (takesValue() ? " " + valueName.toUpperCase(Locale.ROOT) : "");
        if (kind == Kind.CHOICE) {
            core = "--" + name + " " + valueName;
        }
        return required ? core : "[" + core + "]";
    }
}
