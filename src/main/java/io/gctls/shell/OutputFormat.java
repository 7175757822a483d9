package io.gctls.shell;

import io.gctls.core.GctlsException;
import java.util.Locale;

/** {@code --output text|json}. */
public enum OutputFormat {
    TEXT, JSON;

    public static OutputFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GctlsException.usage("--output must be text or json, not '" + value + "'");
        }
    }
}
