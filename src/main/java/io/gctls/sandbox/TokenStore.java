package io.gctls.sandbox;

import io.gctls.core.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Access tokens the sandbox issued, until they expire or are revoked. Not thread-safe. */
final class TokenStore {

    /** One issued token. */
    record Token(String value, Instant issuedAt, Instant expiresAt) {
        boolean liveAt(Instant now) {
            return now.isBefore(expiresAt);
        }

        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]"; // never the value
        }
    }

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> tokens = new HashMap<>();

    Token issue(Instant now, Duration lifetime, boolean jwt, String clientId, List<String> scopes) {
        Instant expiresAt = now.plus(lifetime);
        String value = jwt ? unsignedJwt(now, expiresAt, clientId, scopes) : opaque();
        Token token = new Token(value, now, expiresAt);
        tokens.put(value, token);
        return token;
    }

    /** The token when it is known, not revoked and not expired at {@code now}. */
    Optional<Token> live(String value, Instant now) {
        return Optional.ofNullable(tokens.get(value)).filter(token -> token.liveAt(now));
    }

    void revoke(String value) {
        tokens.remove(value);
    }

    void revokeAll() {
        tokens.clear();
    }

    int liveCount(Instant now) {
        return (int) tokens.values().stream().filter(token -> token.liveAt(now)).count();
    }

    private String opaque() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return URL.encodeToString(bytes);
    }

    /**
     * An unsecured JWT (RFC 7519 §6: {@code alg} "none", empty signature part), so a client can
     * show the {@code scope} claim; nothing should trust it, and the sandbox only looks it up.
     */
    private String unsignedJwt(Instant now, Instant expiresAt, String clientId, List<String> scopes) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "none");
        header.put("typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "gctls-sandbox");
        claims.put("sub", clientId);
        claims.put("client_id", clientId);
        claims.put("org_id", Sandbox.ORGANIZATION_ID);
        claims.put("scope", String.join(" ", scopes));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return part(Json.compact(header)) + "." + part(Json.compact(claims)) + ".";
    }

    private static String part(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
