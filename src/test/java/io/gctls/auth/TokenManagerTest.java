package io.gctls.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.api.RawRequest;
import io.gctls.api.RawResponse;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.gctls.testing.MutableClock;
import io.gctls.testing.ScriptedApi;
import io.gctls.testing.ScriptedTransport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenManagerTest {

    @TempDir
    Path cacheDir;

    private final ScriptedApi api = ScriptedApi.options().seed(3).build();
    private final MutableClock clock = api.clock;
    private final ScriptedTransport transport = api.transport;
    private final Endpoints endpoints = Endpoints.fromApiUrl("https://api.example.test", Optional.empty());
    private final ClientCredentials credentials = new ClientCredentials("client-1", "the-client-secret", "test");

    private TokenManager manager(Optional<TokenCache> cache) {
        return new TokenManager(new OAuthLogin(api.executor, endpoints, credentials, new Metrics()), cache, clock,
                line -> { });
    }

    private static String tokenBody(String token, long expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}";
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theTokenRequestIsAFormPostWithBasicAuthToTheLoginHost() throws Exception {
        transport.answer(200, tokenBody("tok-aaaaaaaa", 86400));
        Token token = await(manager(Optional.empty()).token());
        assertThat(token.accessToken()).isEqualTo("tok-aaaaaaaa");
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(86400));
        RawRequest sent = transport.sent().get(0);
        assertThat(sent.url()).isEqualTo("https://login.example.test/oauth/token");
        assertThat(sent.body().form()).containsExactly(Map.entry("grant_type", "client_credentials"));
        assertThat(sent.headers().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("client-1:the-client-secret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tenConcurrentCallersCauseExactlyOneTokenRequest() throws Exception {
        Promise<RawResponse> answer = transport.answerLater();
        TokenManager tokens = manager(Optional.empty());
        List<Future<String>> callers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            callers.add(tokens.accessToken());
        }
        answer.complete(RawResponse.of(200, tokenBody("tok-shared-1", 3600), Map.of()));
        for (Future<String> caller : callers) {
            assertThat(await(caller)).isEqualTo("tok-shared-1");
        }
        assertThat(transport.sent()).hasSize(1);
    }

    /**
     * Five cold one-shot runs started together (a CI matrix), each with its own token manager, cache
     * object and circuit breakers as separate processes have, over one cache folder: one login. The
     * token endpoint takes 200 ms to answer, so that without the lock every run would be logging in.
     */
    @Test
    void parallelColdRunsShareOneLogin() throws Exception {
        java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Executor later = java.util.concurrent.CompletableFuture.delayedExecutor(200,
                TimeUnit.MILLISECONDS);
        io.gctls.api.HttpTransport slowLogin = request -> {
            int n = logins.incrementAndGet();
            Promise<RawResponse> answer = Promise.promise();
            later.execute(() -> answer.complete(RawResponse.of(200, tokenBody("tok-run-" + n + "-abcdef", 3600),
                    Map.of())));
            return answer.future();
        };
        int runs = 5;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(runs);
        java.util.concurrent.ExecutorService processes = java.util.concurrent.Executors.newFixedThreadPool(runs);
        List<java.util.concurrent.Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            tokens.add(processes.submit(() -> {
                io.gctls.api.RequestExecutor executor = new io.gctls.api.RequestExecutor(slowLogin, api.waiter, clock,
                        io.gctls.api.RetrySettings.defaults(), new io.gctls.api.Circuits(ScriptedApi.sharedVertx(),
                                clock, 5, Duration.ofSeconds(30)), new java.util.SplittableRandom(1));
                TokenManager run = new TokenManager(new OAuthLogin(executor, endpoints, credentials, new Metrics()),
                        Optional.of(new TokenCache(cacheDir)), clock, line -> { });
                together.await();
                return await(run.accessToken());
            }));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (java.util.concurrent.Future<String> token : tokens) {
            seen.add(token.get(30, TimeUnit.SECONDS));
        }
        processes.shutdown();
        assertThat(logins.get()).isEqualTo(1);
        assertThat(seen).containsExactly("tok-run-1-abcdef");
    }

    @Test
    void theTokenIsRefreshedAheadOfExpiry() throws Exception {
        transport.answer(200, tokenBody("tok-first-1", 3600)).answer(200, tokenBody("tok-second", 3600));
        TokenManager tokens = manager(Optional.empty());
        assertThat(await(tokens.accessToken())).isEqualTo("tok-first-1");
        clock.advance(Duration.ofSeconds(3600 - 361)); // margin is max(60 s, 10% = 360 s)
        assertThat(await(tokens.accessToken())).isEqualTo("tok-first-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(await(tokens.accessToken())).isEqualTo("tok-second");
        assertThat(transport.sent()).hasSize(2);
    }

    @Test
    void aFailedEarlyRefreshKeepsUsingTheTokenUntilItExpires() throws Exception {
        transport.answer(200, tokenBody("tok-first-1", 600))
                .answer(400, "{\"error\":\"invalid_client\",\"error_description\":\"nope\"}");
        TokenManager tokens = manager(Optional.empty());
        await(tokens.accessToken());
        clock.advance(Duration.ofSeconds(590));
        assertThat(await(tokens.accessToken())).isEqualTo("tok-first-1");
    }

    @Test
    void aRejectedTokenIsReplacedOnceEvenWhenSeveralCallersReportIt() throws Exception {
        transport.answer(200, tokenBody("tok-first-1", 3600)).answer(200, tokenBody("tok-second", 3600));
        TokenManager tokens = manager(Optional.empty());
        String first = await(tokens.accessToken());
        assertThat(await(tokens.replace(first))).isEqualTo("tok-second");
        assertThat(await(tokens.replace(first))).isEqualTo("tok-second");
        assertThat(transport.sent()).hasSize(2);
    }

    @Test
    void wrongCredentialsAreExitFourWithTheApisWordsAndNoSecret() {
        transport.answer(401, "{\"error\":\"invalid_client\",\"description\":\"client not found\","
                + "\"error_description\":\"authentication failed\"}");
        assertThatThrownBy(() -> await(manager(Optional.empty()).token())).hasCauseInstanceOf(GctlsException.class)
                .cause().satisfies(e -> {
                    GctlsException g = (GctlsException) e;
                    assertThat(g.exitCode()).isEqualTo(ExitCode.AUTH);
                    assertThat(g.getMessage()).isEqualTo("login to https://login.example.test as client client-1 "
                            + "failed: 401 invalid_client: authentication failed (check the client id and secret; "
                            + "the secret came from test)");
                    assertThat(g.getMessage()).doesNotContain("the-client-secret");
                });
    }

    @Test
    void aMalformedTokenResponseIsOneClearLine() {
        transport.answer(200, "{\"token\":\"x\"}");
        assertThatThrownBy(() -> await(manager(Optional.empty()).token())).cause()
                .isInstanceOf(GctlsException.class).hasMessageContaining("no access_token")
                .hasMessageContaining("malformed token response");
        transport.answer(200, "<html>");
        assertThatThrownBy(() -> await(manager(Optional.empty()).token())).cause()
                .hasMessageContaining("not JSON");
    }

    @Test
    void aLoginServiceThatIsDownIsExitSix() {
        transport.thenAlways(503, "{\"message\":\"down\",\"code\":\"service.unavailable\"}");
        assertThatThrownBy(() -> await(manager(Optional.empty()).token())).cause()
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).startsWith("login to https://login.example.test failed: POST /oauth/token "
                            + "failed: 503 service.unavailable: down (5 attempts over").contains("circuit open");
                });
    }

    @Test
    void aOneOffServerErrorFromTheTokenEndpointIsRetriedBecauseAskingTwiceDoesNoHarm() throws Exception {
        transport.answer(500, "{\"error\":\"server_error\",\"error_description\":\"oops\"}")
                .answer(200, tokenBody("tok-bbbbbbbb", 86400));
        Token token = await(manager(Optional.empty()).token());
        assertThat(token.accessToken()).isEqualTo("tok-bbbbbbbb");
        assertThat(transport.sent()).hasSize(2);
    }

    @Test
    void theCacheLetsASecondRunSkipTheLogin() throws Exception {
        TokenCache cache = new TokenCache(cacheDir);
        transport.answer(200, tokenBody("tok-cached-1", 3600));
        await(manager(Optional.of(cache)).token());
        Path file = cache.fileFor(endpoints.loginUrl(), "client-1");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).doesNotContain("the-client-secret");

        Token second = await(manager(Optional.of(cache)).token());
        assertThat(second.accessToken()).isEqualTo("tok-cached-1");
        assertThat(second.source()).isEqualTo("cache");
        assertThat(transport.sent()).hasSize(1);
    }

    @Test
    void forgettingDeletesTheCachedToken() throws Exception {
        TokenCache cache = new TokenCache(cacheDir);
        transport.answer(200, tokenBody("tok-cached-1", 3600));
        TokenManager tokens = manager(Optional.of(cache));
        await(tokens.token());
        tokens.forget();
        assertThat(cache.fileFor(endpoints.loginUrl(), "client-1")).doesNotExist();
        assertThat(tokens.current()).isEmpty();
    }
}
