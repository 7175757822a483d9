package io.gctls.steps;

import io.gctls.core.Environment;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The environment gctls sees during the Cucumber run: empty but for what a scenario sets
 * ("Given the environment variable X is Y"), so the developer's own GENESYS* variables never leak in.
 * Cleared before every scenario.
 */
public final class TestEnvironment implements Environment {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> raw(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public void set(String name, String value) {
        values.put(name, value);
    }

    public void remove(String name) {
        values.remove(name);
    }

    public void clear() {
        values.clear();
    }
}
