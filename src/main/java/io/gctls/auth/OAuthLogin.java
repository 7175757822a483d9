package io.gctls.auth;

import io.gctls.api.ApiException;
import io.gctls.api.ApiRequest;
import io.gctls.api.ApiResponse;
import io.gctls.api.RateLimitPacer;
import io.gctls.api.RequestExecutor;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The client-credentials grant of docs/api.md "Logging in (G)": a form post to {@code {login}/oauth/token} with
 * {@code Authorization: Basic base64(id:secret)} (not a JSON post to
 * {@code /api/v2/oauth/token}, which Genesys Cloud does not take). Failures become one line that names the login URL and the client
 * id, never the secret.
 */
public final class OAuthLogin {

    static final String TOKEN_PATH = "/oauth/token";

    private final RequestExecutor executor;
    private final Endpoints endpoints;
    private final ClientCredentials credentials;
    private final Clock clock;
    private final Metrics metrics;
    private final RequestExecutor.Target target;

    public OAuthLogin(RequestExecutor executor, Endpoints endpoints, ClientCredentials credentials, Metrics metrics) {
        this.executor = executor;
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.clock = executor.clock();
        this.metrics = metrics;
        this.target = new RequestExecutor.Target(endpoints.loginUrl(), null, new RateLimitPacer(1.0));
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public ClientCredentials credentials() {
        return credentials;
    }

    /** Fetches a new token. Shared by every caller waiting for it, so nobody's Ctrl-C cancels it. */
    public Future<Token> fetch(Consumer<String> progress) {
        String authorization;
        try {
            authorization = credentials.basicAuthorization();
        } catch (GctlsException noSecret) {
            return Future.failedFuture(noSecret);
        }
        ApiRequest request = ApiRequest.postForm(TOKEN_PATH, Map.of("grant_type", "client_credentials"))
                .header("Authorization", authorization)
                .safeToRepeat(); // asking for a token twice does no harm
        Metrics.Timer timer = metrics.start("login");
        Instant asked = clock.instant();
        return executor.execute(target, request, Cancellation.never(), progress)
                .map(response -> parse(response, asked))
                .recover(failure -> Future.failedFuture(explain(failure)))
                .onComplete(done -> timer.stop());
    }

    private Token parse(ApiResponse response, Instant asked) {
        JsonNode body;
        try {
            body = response.json();
        } catch (GctlsException e) {
            throw malformed("a body that is not JSON");
        }
        JsonNode token = body.get("access_token");
        if (token == null || !token.isString() || token.asString().isBlank()) {
            throw malformed("no access_token");
        }
        JsonNode expiresIn = body.get("expires_in");
        if (expiresIn != null && !expiresIn.isNumber()) {
            throw malformed("an expires_in that is not a number");
        }
        long seconds = expiresIn == null ? Duration.ofHours(24).toSeconds() : expiresIn.asLong();
        if (seconds <= 0) {
            throw malformed("an expires_in of " + seconds);
        }
        String type = body.path("token_type").isString() ? body.get("token_type").asString() : "bearer";
        return new Token(token.asString(), type, asked, asked.plusSeconds(seconds), "login");
    }

    private GctlsException malformed(String what) {
        return new GctlsException(ExitCode.UNAVAILABLE, "login to " + endpoints.loginUrl() + " answered with "
                + what + " (a malformed token response); the login service is not behaving like Genesys Cloud");
    }

    private Throwable explain(Throwable failure) {
        if (failure instanceof ApiException api && api.error().isPresent()) {
            int status = api.status();
            if (status == 400 || status == 401 || status == 403) {
                var error = api.error().get();
                String why = error.code().isEmpty() ? String.valueOf(status) : error.code();
                String description = error.message().isEmpty() ? "" : ": " + error.message();
                return new GctlsException(ExitCode.AUTH, "login to " + endpoints.loginUrl() + " as client "
                        + credentials.clientId() + " failed: " + status + " " + why + description
                        + " (check the client id and secret" + sourceHint() + ")");
            }
        }
        if (failure instanceof GctlsException known) {
            if (known.exitCode() == ExitCode.UNAVAILABLE && !known.getMessage().startsWith("login")) {
                return new GctlsException(ExitCode.UNAVAILABLE, "login to " + endpoints.loginUrl() + " failed: "
                        + known.getMessage(), known);
            }
            return known;
        }
        return failure;
    }

    private String sourceHint() {
        return credentials.source().isEmpty() ? "" : "; the secret came from " + credentials.source();
    }
}
