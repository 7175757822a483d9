package io.gctls.auth;

import io.gctls.core.Secrets;
import java.time.Duration;
import java.time.Instant;

/**
 * An access token and its lifetime. {@link #toString()} never shows the token; constructing one
 * registers it with {@link Secrets}.
 *
 * @param source {@code login} when fetched now, {@code cache} when read from the token cache
 */
public record Token(String accessToken, String tokenType, Instant issuedAt, Instant expiresAt, String source) {

    public Token {
        Secrets.register(accessToken);
    }

    public Duration lifetime() {
        return Duration.between(issuedAt, expiresAt);
    }

    /**
     * How long before expiry to refresh: 60 s or a tenth of the lifetime, whichever is larger
     * (docs/reliability.md "Tokens"), but never more than half the lifetime, so that a very short-lived token is still used.
     */
    public Duration refreshMargin() {
        Duration tenth = lifetime().dividedBy(10);
        Duration margin = tenth.compareTo(Duration.ofSeconds(60)) > 0 ? tenth : Duration.ofSeconds(60);
        Duration half = lifetime().dividedBy(2);
        return margin.compareTo(half) > 0 ? half : margin;
    }

    /** Good to use without refreshing first. */
    public boolean isFresh(Instant now) {
        return now.isBefore(expiresAt.minus(refreshMargin()));
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Token withSource(String newSource) {
        return new Token(accessToken, tokenType, issuedAt, expiresAt, newSource);
    }

    @Override
    public String toString() {
        return "Token[type=" + tokenType + ", expiresAt=" + expiresAt + ", source=" + source + "]";
    }
}
