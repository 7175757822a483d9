package io.gctls.auth;

import io.gctls.core.Environment;
import io.gctls.core.GctlsException;
import java.util.Map;
import java.util.Optional;

/**
 * Paths of the endpoints marked B in docs/api.md (custom domains, the auditlogs shape): Genesys
 * Cloud's public API catalogue has no custom-domain endpoint as of mid-2026, so these are
 * assumptions and stay configurable: {@code GCTLS_CUSTOMDOMAINS_PATH} / {@code GCTLS_AUDITLOGS_PATH},
 * else a profile's {@code [NAME.paths]} table, else the default paths of docs/api.md.
 */
public record ApiPaths(String customDomains, String auditLogs) {

    public static final String CUSTOM_DOMAINS = "/api/v2/customdomains";
    public static final String AUDIT_LOGS = "/api/v2/auditlogs";

    public static ApiPaths defaults() {
        return new ApiPaths(CUSTOM_DOMAINS, AUDIT_LOGS);
    }

    public static ApiPaths resolve(Environment env, Optional<Profile> profile) {
        Map<String, String> fromProfile = profile.map(Profile::paths).orElse(Map.of());
        return new ApiPaths(
                path(env.get("GCTLS_CUSTOMDOMAINS_PATH").orElse(fromProfile.getOrDefault("customdomains", CUSTOM_DOMAINS))),
                path(env.get("GCTLS_AUDITLOGS_PATH").orElse(fromProfile.getOrDefault("auditlogs", AUDIT_LOGS))));
    }

    private static String path(String value) {
        String p = value.strip();
        if (!p.startsWith("/") || p.contains("?") || p.contains("#")) {
            throw GctlsException.usage("an API path must start with / and carry no query, not '" + value + "'");
        }
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
