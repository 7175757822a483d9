package io.gctls.auth;

import io.gctls.api.ApiClient;
import io.gctls.api.ApiRuntime;
import io.gctls.api.Await;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.gctls.core.Prompter;
import io.gctls.core.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authenticated context of one gctls session: the connection in use, its token manager and
 * its API client. A prompt session keeps it across commands; a one-shot run resolves it from
 * flags, environment and profile on first use and reuses the on-disk token cache.
 */
public final class ApiSession {

    private static final Logger LOG = LoggerFactory.getLogger(ApiSession.class);

    /** The live parts of a connection. */
    public record Connected(Connection connection, TokenManager tokens, ApiClient client) {
        @Override
        public String toString() {
            return "Connected[" + connection + "]";
        }
    }

    private final Supplier<ApiRuntime> runtime;
    private final ConnectionResolver resolver;
    private final Path cacheDir;
    private final Metrics metrics;

    private Connected active;
    private Optional<String> selectedProfile = Optional.empty();

    public ApiSession(Supplier<ApiRuntime> runtime, ConnectionResolver resolver, Path cacheDir, Metrics metrics) {
        this.runtime = runtime;
        this.resolver = resolver;
        this.cacheDir = cacheDir;
        this.metrics = metrics;
    }

    public ConnectionResolver resolver() {
        return resolver;
    }

    /** Makes {@code connection} the session's connection (auth login, sandbox start); nothing is sent yet. */
    public synchronized Connected connect(Connection connection) {
        return activate(prepare(connection));
    }

    /** The live parts of a connection, without making it the session's: a login tries it first. */
    public Connected prepare(Connection connection) {
        ApiRuntime rt = runtime.get();
        var executor = rt.executor(connection.retry());
        OAuthLogin login = new OAuthLogin(executor, connection.endpoints(), connection.credentials(), metrics);
        Optional<TokenCache> cache = connection.tokenCache() ? Optional.of(new TokenCache(cacheDir)) : Optional.empty();
        TokenManager tokens = new TokenManager(login, cache, rt.clock(), line -> LOG.info("{}", line));
        return new Connected(connection, tokens, new ApiClient(executor, connection.endpoints().apiUrl(), tokens));
    }

    public synchronized Connected activate(Connected connected) {
        active = connected;
        return connected;
    }

    public synchronized Optional<Connected> active() {
        return Optional.ofNullable(active);
    }

    /** {@code profile use NAME} at the prompt: later connections use this profile. */
    public synchronized void selectProfile(String name) {
        selectedProfile = Optional.of(name);
        active = null;
    }

    /** The profile a connection made now would use when the command line names none. */
    public synchronized Optional<String> selectedProfile() {
        return selectedProfile;
    }

    /**
     * The session's connection if there is one or one can be resolved, without asking anything
     * and without logging in (auth logout, auth status of a session that never logged in).
     */
    public synchronized Optional<Connected> existing(ConnectionRequest request, boolean tokenCacheAllowed) {
        if (active != null) {
            return Optional.of(active);
        }
        ConnectionRequest withProfile = withSelectedProfile(request);
        if (!resolver.hasTarget(withProfile)) {
            return Optional.empty();
        }
        return Optional.of(connect(resolver.resolve(withProfile, tokenCacheAllowed)));
    }

    private ConnectionRequest withSelectedProfile(ConnectionRequest request) {
        return request.profile().isPresent() || selectedProfile.isEmpty() ? request
                : request.withProfile(selectedProfile);
    }

    /**
     * The session's connection, resolving one from {@code request} (flags), the environment and the
     * profile when there is none yet. A missing secret is asked for at the prompt, and only when no
     * cached token makes it unnecessary.
     */
    public synchronized Connected current(ConnectionRequest request, Prompter prompter, boolean tokenCacheAllowed) {
        if (active != null) {
            return active;
        }
        return activate(forCommand(request, prompter, tokenCacheAllowed));
    }

    /**
     * A connection for one command that named its own ({@code domains list --region eu-west-1}):
     * resolved like {@link #current}, but the session's connection stays what it was.
     */
    public Connected forCommand(ConnectionRequest request, Prompter prompter, boolean tokenCacheAllowed) {
        Connection connection = resolver.resolve(withSelectedProfile(request), tokenCacheAllowed);
        Connected connected = prepare(connection);
        if (!connection.credentials().hasSecret() && connected.tokens().current().isEmpty()) {
            connected = prepare(connection.withCredentials(askSecret(connection, prompter)));
        }
        return connected;
    }

    /** Logs in now with a fresh token (auth login), waiting on the command thread. */
    public Token loginNow(Connected connected, Cancellation cancellation, java.util.function.Consumer<String> progress) {
        return Await.result(connected.tokens().loginNow(progress), cancellation, connected.client().deadline(),
                "login to " + connected.connection().endpoints().loginUrl());
    }

    /** A token valid now, logging in if needed. */
    public Token token(Connected connected, Cancellation cancellation, java.util.function.Consumer<String> progress) {
        return Await.result(connected.tokens().token(progress), cancellation, connected.client().deadline(),
                "login to " + connected.connection().endpoints().loginUrl());
    }

    /** Forgets the connection (after logout, or when switching profile or sandbox). */
    public synchronized void disconnect() {
        active = null;
    }

    /** Back to how a new process starts: no connection, no profile chosen at the prompt. */
    public synchronized void reset() {
        active = null;
        selectedProfile = Optional.empty();
    }

    public static ClientCredentials askSecret(Connection connection, Prompter prompter) {
        ClientCredentials credentials = connection.credentials();
        if (!prompter.canAsk()) {
            return credentials;
        }
        Optional<char[]> typed = prompter.askSecret("client secret for " + credentials.clientId() + " at "
                + connection.endpoints().loginUrl() + ": ");
        if (typed.isEmpty() || typed.get().length == 0) {
            throw new GctlsException(ExitCode.AUTH, "no client secret typed for client " + credentials.clientId());
        }
        String secret = new String(typed.get());
        Arrays.fill(typed.get(), '\0');
        Secrets.register(secret);
        return credentials.withSecret(secret, "typed at the prompt");
    }

    /** How long until the token expires, for display. */
    public static Duration remaining(Token token, java.time.Instant now) {
        Duration d = Duration.between(now, token.expiresAt());
        return d.isNegative() ? Duration.ZERO : d;
    }
}
