package io.gctls.auth;

import io.gctls.api.RetrySettings;
import java.util.Map;
import java.util.Optional;

/**
 * A resolved connection: where the API is, the client credentials, the retry limits and whether
 * tokens may be cached on disk, with where each came from (for {@code auth status}).
 */
public record Connection(Endpoints endpoints, ClientCredentials credentials, Optional<String> profile,
        RetrySettings retry, boolean tokenCache, boolean sandbox, ApiPaths paths, Map<String, String> sources) {

    public Connection withCredentials(ClientCredentials replaced) {
        return new Connection(endpoints, replaced, profile, retry, tokenCache, sandbox, paths, sources);
    }

    @Override
    public String toString() {
        return "Connection[" + endpoints.apiUrl() + " as " + credentials.clientId() + "]";
    }
}
