package io.gctls.auth;

import io.gctls.api.TokenSource;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens for one connection (docs/reliability.md "Tokens"): kept in memory (and in the {@link TokenCache} for
 * one-shot runs), refreshed ahead of expiry, with one refresh at a time however many callers
 * ask; a token the API rejected with 401 is replaced once. When a refresh ahead of expiry fails
 * and the old token has not expired yet, the old one keeps working.
 */
public final class TokenManager implements TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    private final OAuthLogin login;
    private final Optional<TokenCache> cache;
    private final Clock clock;
    private final Consumer<String> progress;

    private Token current;
    private Future<Token> inFlight;
    private boolean cacheChecked;

    public TokenManager(OAuthLogin login, Optional<TokenCache> cache, Clock clock, Consumer<String> progress) {
        this.login = login;
        this.cache = cache;
        this.clock = clock;
        this.progress = progress;
    }

    public Endpoints endpoints() {
        return login.endpoints();
    }

    public String clientId() {
        return login.credentials().clientId();
    }

    @Override
    public Future<String> accessToken() {
        return token().map(Token::accessToken);
    }

    @Override
    public Future<String> accessToken(Consumer<String> progress) {
        return token(progress).map(Token::accessToken);
    }

    /** A token valid now: the current one, the cached one, or a new one. */
    public Future<Token> token() {
        return token(this.progress);
    }

    /** As {@link #token()}; a login it needs tells {@code progress} of its waits. */
    public synchronized Future<Token> token(Consumer<String> progress) {
        checkCacheOnce();
        Instant now = clock.instant();
        if (current != null && current.isFresh(now)) {
            return Future.succeededFuture(current);
        }
        Token stale = current != null && !current.isExpired(now) ? current : null;
        return refresh(progress, cached -> true).recover(failure -> {
            if (stale != null && !stale.isExpired(clock.instant())) {
                LOG.warn("refreshing the token ahead of expiry failed ({}); using the current one until it expires",
                        failure.getMessage());
                return Future.succeededFuture(stale);
            }
            return Future.failedFuture(failure);
        });
    }

    @Override
    public Future<String> replace(String rejected) {
        return replace(rejected, this.progress);
    }

    @Override
    public synchronized Future<String> replace(String rejected, Consumer<String> progress) {
        if (current != null && !current.accessToken().equals(rejected) && current.isFresh(clock.instant())) {
            return Future.succeededFuture(current.accessToken()); // another caller already replaced it
        }
        forgetLocally();
        return refresh(progress, cached -> !cached.accessToken().equals(rejected)).map(Token::accessToken);
    }

    /** {@code auth login}: always a new token, even when a good one is cached. */
    public synchronized Future<Token> loginNow(Consumer<String> progress) {
        cacheChecked = true;
        current = null;
        return refresh(progress, cached -> false);
    }

    public synchronized Optional<Token> current() {
        checkCacheOnce();
        return Optional.ofNullable(current).filter(t -> !t.isExpired(clock.instant()));
    }

    /** Drops the token here and on disk (after {@code auth logout} revoked it). */
    public synchronized void forget() {
        forgetLocally();
    }

    private void forgetLocally() {
        current = null;
        cache.ifPresent(c -> c.delete(endpoints().loginUrl(), clientId()));
    }

    /**
     * One login at a time: every caller that arrives while it runs gets the same future (and its first
     * caller's progress). With a cache, also one login at a time across runs: under the cache's lock,
     * a token another run has just stored (and {@code reusable} accepts) is taken instead of a login.
     */
    private Future<Token> refresh(Consumer<String> progress, Predicate<Token> reusable) {
        if (inFlight != null) {
            return inFlight;
        }
        String loginUrl = endpoints().loginUrl();
        Future<Token> fetching = cache.map(c -> c.underLock(loginUrl, clientId(), () -> {
            Optional<Token> stored = c.load(loginUrl, clientId(), clock.instant())
                    .filter(t -> t.isFresh(clock.instant()) && reusable.test(t));
            if (stored.isPresent()) {
                LOG.info("another gctls logged in meanwhile; using its token");
                return Future.succeededFuture(stored.get());
            }
            return login.fetch(progress).andThen(done -> {
                if (done.succeeded()) {
                    c.store(loginUrl, clientId(), done.result()); // before the lock is let go, for the next run
                }
            });
        })).orElseGet(() -> login.fetch(progress));
        inFlight = fetching;
        return fetching.andThen(done -> {
            synchronized (this) {
                inFlight = null;
                if (done.succeeded()) {
                    current = done.result();
                }
            }
        });
    }

    private void checkCacheOnce() {
        if (!cacheChecked) {
            cacheChecked = true;
            cache.flatMap(c -> c.load(endpoints().loginUrl(), clientId(), clock.instant()))
                    .ifPresent(token -> current = token);
        }
    }
}
