package io.gctls.shell;

import io.gctls.core.GctlsException;
import java.util.Locale;

/** {@code --output text|json}. */
public enum OutputFormat {
    TEXT, JSON;

    /**
     * The format a command line asks for even when the line does not parse, so that a usage error
     * under {@code --output json} still gives a JSON document.
     */
    public static java.util.Optional<OutputFormat> askedFor(java.util.List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String value = word.startsWith("--output=") ? word.substring("--output=".length())
                    : word.equals("--output") && i + 1 < words.size() ? words.get(i + 1) : null;
            if (value != null) {
                try {
                    return java.util.Optional.of(parse(value));
                } catch (io.gctls.core.GctlsException e) {
                    return java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.empty();
    }

    public static OutputFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GctlsException.usage("--output must be text or json, not '" + value + "'");
        }
    }
}
