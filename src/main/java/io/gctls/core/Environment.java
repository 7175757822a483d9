package io.gctls.core;

import java.util.Map;
import java.util.Optional;

/**
 * The process environment as gctls sees it. Injected rather than read with {@code System.getenv}
 * so that the test suite can drive every variable of docs/configuration.md "Environment" in-process.
 */
@FunctionalInterface
public interface Environment {

    /** The raw value, as the OS has it (may be empty). */
    Optional<String> raw(String name);

    /** The value when it is set and not blank, trimmed. */
    default Optional<String> get(String name) {
        return raw(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The first of several names that is set: docs/configuration.md "Environment": aliases beside the official names. */
    default Optional<String> first(String... names) {
        for (String name : names) {
            Optional<String> value = get(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    static Environment system() {
        return name -> Optional.ofNullable(System.getenv(name));
    }

    static Environment of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
