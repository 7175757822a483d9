package io.gctls.auth;

import io.gctls.core.PrivateDirs;
import io.gctls.core.Cancellation;
import io.gctls.core.GctlsException;
import io.gctls.core.InputFiles;
import io.gctls.core.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * Profiles in {@code $XDG_CONFIG_HOME/gctls/config.toml}, one table per profile:
 * <pre>
 * default-profile = "prod"
 *
 * [prod]
 * region = "eu-west-1"
 * client-id = "..."
 * client-secret-file = "~/.config/gctls/prod.secret"
 * output = "text"
 * [prod.retry]
 * max-attempts = 6
 * [prod.paths]                       # endpoints not in the public API catalogue (docs/api.md)
 * customdomains = "/api/v2/customdomains"
 * </pre>
 * The format in full: docs/configuration.md "The config file". The profile in use is remembered by {@code profile use} in the state folder.
 */
public final class ProfileStore {

    /** A config file of profiles is a few kilobytes; anything bigger was picked by mistake. */
    private static final long MAX_CONFIG_BYTES = 1024 * 1024;

    private final Path configFile;
    private final Path currentFile;
    private final Path home;

    public ProfileStore(Path configFile, Path stateDir, Path home) {
        this.configFile = configFile;
        this.currentFile = stateDir.resolve("current-profile");
        this.home = home;
    }

    public Path configFile() {
        return configFile;
    }

    public List<Profile> list() {
        Optional<JsonNode> root = read();
        List<Profile> profiles = new ArrayList<>();
        root.ifPresent(r -> r.properties().forEach(e -> {
            if (e.getValue().isObject()) {
                profiles.add(toProfile(e.getKey(), e.getValue()));
            }
        }));
        return profiles;
    }

    public Optional<Profile> find(String name) {
        return list().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Profile require(String name) {
        return find(name).orElseThrow(() -> GctlsException.usage("no profile '" + name + "' in " + configFile
                + (list().isEmpty() ? " (the file has no profiles)" : " (profiles: " + String.join(", ",
                        list().stream().map(Profile::name).toList()) + ")")));
    }

    /** The profile chosen by {@code profile use}, else {@code default-profile}, else one named {@code default}. */
    public Optional<String> defaultName() {
        try {
            if (Files.isRegularFile(currentFile)) {
                String chosen = Files.readString(currentFile, StandardCharsets.UTF_8).strip();
                if (!chosen.isEmpty() && find(chosen).isPresent()) {
                    return Optional.of(chosen);
                }
            }
        } catch (IOException e) {
            // an unreadable state file is the same as none
        }
        Optional<JsonNode> root = read();
        Optional<String> declared = root.map(r -> r.get("default-profile")).filter(JsonNode::isString)
                .map(JsonNode::asString);
        if (declared.isPresent()) {
            return declared;
        }
        return find("default").map(Profile::name);
    }

    public void use(String name) {
        require(name);
        try {
            PrivateDirs.create(currentFile.getParent());
            Files.writeString(currentFile, name + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw GctlsException.input("cannot remember the profile in " + currentFile + ": " + e.getMessage());
        }
    }

    private Optional<JsonNode> read() {
        String text;
        if (!Files.exists(configFile)) {
            return Optional.empty();
        }
        text = new String(InputFiles.read(configFile, "the config file", MAX_CONFIG_BYTES, Cancellation.never()),
                StandardCharsets.UTF_8);
        try {
            return Optional.of(new TomlMapper().readTree(text));
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw GctlsException.input(configFile + " is not valid TOML" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    private Profile toProfile(String name, JsonNode table) {
        Map<String, String> retry = new LinkedHashMap<>();
        table.path("retry").properties().forEach(e -> retry.put(e.getKey(), e.getValue().asString()));
        Map<String, String> paths = new LinkedHashMap<>();
        table.path("paths").properties().forEach(e -> paths.put(e.getKey(), e.getValue().asString()));
        Optional<String> inlineSecret = text(table, "client-secret");
        inlineSecret.ifPresent(Secrets::register);
        return new Profile(name, text(table, "region"), text(table, "api-url"), text(table, "login-url"),
                text(table, "client-id"), inlineSecret, text(table, "client-secret-file").map(this::expandHome),
                text(table, "output"), table.has("token-cache") ? Optional.of(table.get("token-cache").asBoolean())
                        : Optional.empty(), Map.copyOf(retry), Map.copyOf(paths));
    }

    private Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return home.resolve(path.equals("~") ? "" : path.substring(2));
        }
        Path p = Path.of(path);
        return p.isAbsolute() ? p : configFile.getParent().resolve(p);
    }

    private static Optional<String> text(JsonNode table, String key) {
        JsonNode value = table.get(key);
        return value == null || value.isNull() || value.asString().isBlank() ? Optional.empty()
                : Optional.of(value.asString().strip());
    }
}
