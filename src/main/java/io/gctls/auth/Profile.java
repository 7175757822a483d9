package io.gctls.auth;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One named environment from {@code config.toml} (docs/configuration.md "The config file"). Only the secret file's path is kept
 * here, never a secret read from it; an inline {@code client-secret} is kept as given.
 */
public record Profile(String name, Optional<String> region, Optional<String> apiUrl, Optional<String> loginUrl,
        Optional<String> clientId, Optional<String> clientSecret, Optional<Path> clientSecretFile,
        Optional<String> output, Optional<Boolean> tokenCache, Map<String, String> retry, Map<String, String> paths) {

    @Override
    public String toString() {
        return "Profile[" + name + "]";
    }
}
