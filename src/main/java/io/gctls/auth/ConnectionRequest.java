package io.gctls.auth;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the user said on the command line about where and as whom to connect; anything left empty
 * comes from the environment, then from the profile (flags beat environment beat profile).
 */
public record ConnectionRequest(Optional<String> profile, Optional<String> region, Optional<String> apiUrl,
        Optional<String> loginUrl, Optional<String> clientId, Optional<String> clientSecret,
        Optional<Path> clientSecretFile) {

    public static ConnectionRequest none() {
        return new ConnectionRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ConnectionRequest withProfile(Optional<String> name) {
        return new ConnectionRequest(name, region, apiUrl, loginUrl, clientId, clientSecret, clientSecretFile);
    }

    @Override
    public String toString() {
        return "ConnectionRequest[profile=" + profile + ", region=" + region + ", apiUrl=" + apiUrl + "]";
    }
}
