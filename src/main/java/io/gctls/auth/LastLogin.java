package io.gctls.auth;

import io.gctls.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * Where the last {@code auth login} went, so that the next one-shot run ({@code gctls domains
 * list}) connects there without the flags again: the API and login URLs, the client id, and the
 * secret file if the login used one. Never the secret itself; the token stays in the token cache.
 * Kept in the state folder, 0600. Explicit flags, the environment and {@code --profile} still win;
 * it stands in for the default profile, and {@code profile use} or {@code auth logout} drop it.
 *
 * @param secretFile the {@code --client-secret-file} of the login, or empty
 */
public record LastLogin(String apiUrl, String loginUrl, String region, String clientId, String secretFile) {

    static final String FILE = "last-login.json";
    /** How it shows in {@code auth status}'s sources. */
    public static final String SOURCE = "the last auth login";

    public static LastLogin of(Connection connection, Optional<Path> secretFile) {
        return new LastLogin(connection.endpoints().apiUrl(), connection.endpoints().loginUrl(),
                connection.endpoints().region(), connection.credentials().clientId(),
                secretFile.map(p -> p.toAbsolutePath().toString()).orElse(""));
    }

    static Optional<LastLogin> read(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 64 * 1024) {
                return Optional.empty();
            }
            LastLogin login = Json.mapper().readValue(Files.readString(file, StandardCharsets.UTF_8), LastLogin.class);
            return login.apiUrl() == null || login.clientId() == null ? Optional.empty() : Optional.of(login);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged file is the same as none: the next login writes a good one
        }
    }

    void write(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Path temp = Files.createTempFile(stateDir, ".last-login", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, Json.compact(this), StandardCharsets.UTF_8);
            Files.move(temp, stateDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void forget(Path stateDir) {
        try {
            Files.deleteIfExists(stateDir.resolve(FILE));
        } catch (IOException e) {
            // nothing to forget, or nothing we can do: the next login replaces it
        }
    }

    /** As a profile, so that it resolves exactly like one. */
    Profile asProfile() {
        return new Profile(SOURCE, Optional.ofNullable(region).filter(r -> !r.isEmpty()), Optional.of(apiUrl),
                Optional.ofNullable(loginUrl).filter(u -> !u.isEmpty()), Optional.of(clientId), Optional.empty(),
                Optional.ofNullable(secretFile).filter(f -> !f.isEmpty()).map(Path::of), Optional.empty(),
                Optional.empty(), Map.of(), Map.of());
    }
}
