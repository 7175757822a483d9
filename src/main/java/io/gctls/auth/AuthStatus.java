package io.gctls.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code auth status} and {@code auth login} report: where the session is connected, as
 * which client and organisation, when the token expires, and the scopes when there are any.
 * Never the token or the secret.
 *
 * @param jwtScope the JWT {@code scope} claim, or null when the token is opaque
 */
public record AuthStatus(boolean loggedIn, String apiUrl, String loginUrl, String region, String profile,
        boolean sandbox, String clientId, String clientName, String organization, String organizationId,
        String homeOrganization, Instant tokenExpiresAt, long tokenExpiresInSeconds, long tokenLifetimeSeconds,
        String tokenSource, List<String> authorizedScope, List<String> jwtScope, Map<String, String> sources) {

    public static AuthStatus of(Connection connection, Token token, WhoAmI who, Instant now) {
        Duration left = Duration.between(now, token.expiresAt());
        return new AuthStatus(true, connection.endpoints().apiUrl(), connection.endpoints().loginUrl(),
                connection.endpoints().region(), connection.profile().orElse(""), connection.sandbox(),
                connection.credentials().clientId(), who.clientName(), who.organizationName(), who.organizationId(),
                who.homeOrganizationName(), token.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Math.max(0, left.toSeconds()),
                token.lifetime().toSeconds(), token.source(), who.authorizedScope(),
                WhoAmI.jwtScope(token.accessToken()).orElse(null), connection.sources());
    }
}
