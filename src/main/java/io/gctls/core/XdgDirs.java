package io.gctls.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where gctls keeps its files, following the XDG base-directory convention: config in
 * {@code $XDG_CONFIG_HOME/gctls}, history in {@code $XDG_STATE_HOME/gctls}, the token cache in
 * {@code $XDG_CACHE_HOME/gctls}. The environment is injectable so tests never touch the real home.
 */
public record XdgDirs(Path config, Path state, Path cache) {

    public static XdgDirs fromEnvironment() {
        return from(System.getenv(), home());
    }

    /**
     * The user's home: {@code $HOME} when it is set to an absolute path, as shells, ssh and git take
     * it, else the JVM's {@code user.home} (which Java reads from the password database, not from
     * {@code $HOME}: {@code HOME=$(mktemp -d) gctls ...} would otherwise still use the real home).
     */
    public static Path home() {
        return home(System.getenv(), System.getProperty("user.home"));
    }

    static Path home(Map<String, String> env, String userHome) {
        String value = env.get("HOME");
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : Path.of(userHome);
    }

    public static XdgDirs from(Map<String, String> env, Path home) {
        return new XdgDirs(
                resolve(env, "XDG_CONFIG_HOME", home.resolve(".config")),
                resolve(env, "XDG_STATE_HOME", home.resolve(".local/state")),
                resolve(env, "XDG_CACHE_HOME", home.resolve(".cache")));
    }

    private static Path resolve(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        // the spec says a relative XDG path is invalid and must be ignored
        Path base = value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
        return base.resolve("gctls");
    }

    public Path historyFile() {
        return state.resolve("history");
    }

    public Path configFile() {
        return config.resolve("config.toml");
    }
}
