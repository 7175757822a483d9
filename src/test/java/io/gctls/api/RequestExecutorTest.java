package io.gctls.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.testing.RecordingProgress;
import io.gctls.testing.ScriptedApi;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The retry rules of docs/reliability.md on a scripted transport and a clock that waits instantly. */
class RequestExecutorTest {

    private static final String RATE_BODY = "{\"message\":\"Rate limit exceeded the maximum. Retry the request in [9]"
            + " seconds\",\"code\":\"too.many.requests.retry.after\",\"status\":429,\"contextId\":\"ctx-429\"}";
    private static final String UNAVAILABLE = "{\"message\":\"Service Unavailable\",\"code\":\"service.unavailable\","
            + "\"status\":503,\"contextId\":\"ctx-503\"}";

    private final Tokens tokens = new Tokens();
    private final List<String> progress = new ArrayList<>();
    private ScriptedApi api = withSettings(RetrySettings.defaults());

    /** The trailing slash of the base URL is the client's to drop. */
    private ScriptedApi withSettings(RetrySettings settings) {
        return ScriptedApi.options().retry(settings).baseUrl("https://api.example.test/").tokens(tokens).build();
    }

    private ApiResponse call(ApiRequest request) {
        return call(request, Cancellation.never());
    }

    private ApiResponse call(ApiRequest request, Cancellation cancellation) {
        return api.client.call(request, cancellation, progress::add);
    }

    @Test
    void twoRateLimitsWithRetryAfterAreWaitedOutThenTheAnswerComes() {
        api.transport.answer(429, RATE_BODY, Map.of("Retry-After", "2"))
                .answer(429, RATE_BODY, Map.of("Retry-After", "2"))
                .answer(200, "{\"ok\":true}");
        ApiResponse response = call(ApiRequest.get("/api/v2/customdomains"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(api.waiter.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(response.attempts()).extracting(Attempt::outcome).containsExactly("429", "429", "200");
        assertThat(response.totalWait()).isEqualTo(Duration.ofSeconds(4));
        assertThat(progress).contains("429 on GET /api/v2/customdomains, retrying in 2 s (Retry-After), attempt 2 of "
                + RetrySettings.defaults().maxAttempts());
    }

    @Test
    void aStructuredListenerHearsEachWaitAsANotice() {
        api.transport.answer(503, "{}", Map.of("Retry-After", "3")).answer(200, "{}");
        RecordingProgress listener = new RecordingProgress();
        api.client.call(ApiRequest.get("/api/v2/customdomains"), Cancellation.never(), listener);
        assertThat(listener.waits()).containsExactly(new WaitNotice("GET /api/v2/customdomains", "503", "Retry-After",
                Duration.ofSeconds(3), 2, RetrySettings.defaults().maxAttempts()));
        assertThat(listener.lines()).isEmpty();
    }

    @Test
    void aRateLimitedCreateIsRepeatedBecauseTheServerDidNotActOnIt() {
        api.transport.answer(429, RATE_BODY).answer(201, "{\"id\":\"d1\"}");
        ApiResponse response = call(ApiRequest.post("/api/v2/customdomains", "{}"));
        assertThat(response.status()).isEqualTo(201);
        assertThat(api.waiter.waits()).containsExactly(Duration.ofSeconds(9)); // the [9] of the message
    }

    @Test
    void eachWaitIsCapped() {
        api = withSettings(RetrySettings.defaults().withMaxWait(Duration.ofSeconds(5)));
        api.transport.answer(429, RATE_BODY, Map.of("Retry-After", "600")).answer(200, "{}");
        call(ApiRequest.get("/x"));
        assertThat(api.waiter.waits()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aRateLimitStormEndsAfterTheAttemptBoundWithExitSix() {
        api.transport.thenAlways(429, RATE_BODY);
        assertThatThrownBy(() -> call(ApiRequest.get("/api/v2/customdomains")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("rate limited").contains("too.many.requests.retry.after")
                            .contains("ctx-429").contains("after 6 attempts");
                });
        assertThat(api.sent()).hasSize(6);
    }

    @Test
    void theTotalTimeBoundStopsRetriesBeforeTheAttemptBound() {
        api = withSettings(RetrySettings.defaults().withMaxTotal(Duration.ofSeconds(20)));
        api.transport.thenAlways(429, RATE_BODY); // 9 s each: 2 waits fit in 20 s, the third does not
        assertThatThrownBy(() -> call(ApiRequest.get("/x"))).isInstanceOf(ApiException.class);
        assertThat(api.sent()).hasSize(3);
        assertThat(api.waiter.total()).isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void aServiceUnavailableBurstIsRetriedForAReadWithBackoff() {
        api.transport.answer(503, UNAVAILABLE).answer(503, UNAVAILABLE).answer(502, "").answer(200, "{}");
        ApiResponse response = call(ApiRequest.get("/api/v2/customdomains"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(api.waiter.waits()).hasSizeLessThanOrEqualTo(3);
        assertThat(response.attempts()).hasSize(4);
        // full jitter under the doubling ceilings 0.5 s, 1 s, 2 s
        assertThat(api.waiter.total()).isLessThanOrEqualTo(Duration.ofMillis(3500));
    }

    @Test
    void anInternalServerErrorToAReadIsRetriedAsTheOfficialSdkDoes() {
        api.transport.answer(500, "{\"code\":\"internal.server.error\",\"status\":500}").answer(505, "")
                .answer(200, "{}");
        ApiResponse response = call(ApiRequest.get("/api/v2/customdomains"));
        assertThat(response.attempts()).extracting(Attempt::outcome).containsExactly("500", "505", "200");
    }

    @Test
    void notImplementedIsAnAnswerNotAnOutage() {
        api.transport.answer(501, "{\"code\":\"not.implemented\",\"status\":501}");
        assertThatThrownBy(() -> call(ApiRequest.get("/api/v2/customdomains")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e).isNotInstanceOf(ApiException.Ambiguous.class);
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("501 not.implemented");
                });
        assertThat(api.sent()).hasSize(1);

        api.transport.answer(501, "{\"code\":\"not.implemented\",\"status\":501}");
        assertThatThrownBy(() -> call(ApiRequest.post("/api/v2/customdomains", "{}")))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e).isNotInstanceOf(ApiException.Ambiguous.class));
    }

    @Test
    void anInternalServerErrorToACreateIsAmbiguous() {
        api.transport.answer(500, "{\"code\":\"internal.server.error\",\"status\":500}");
        assertThatThrownBy(() -> call(ApiRequest.post("/api/v2/customdomains", "{}")))
                .isInstanceOf(ApiException.Ambiguous.class);
        assertThat(api.sent()).hasSize(1);
    }

    @Test
    void aServiceUnavailableOnACreateIsAmbiguousAndNotRepeated() {
        api.transport.answer(503, UNAVAILABLE).answer(201, "{}");
        assertThatThrownBy(() -> call(ApiRequest.post("/api/v2/customdomains", "{}")))
                .isInstanceOfSatisfying(ApiException.Ambiguous.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("may have reached the server").contains("ctx-503");
                });
        assertThat(api.sent()).hasSize(1);
    }

    @Test
    void aResetCreateIsAmbiguousButARefusedConnectionIsRetried() {
        api.transport.fail(TransportFailure.Kind.RESET);
        assertThatThrownBy(() -> call(ApiRequest.post("/c", "{}"))).isInstanceOf(ApiException.Ambiguous.class);

        api.transport.fail(TransportFailure.Kind.NOT_SENT).answer(201, "{}");
        assertThat(call(ApiRequest.post("/c", "{}")).status()).isEqualTo(201);
    }

    @Test
    void resetsAndTimeoutsOfReadsAreRetried() {
        api.transport.fail(TransportFailure.Kind.RESET).fail(TransportFailure.Kind.TIMEOUT).answer(200, "{}");
        ApiResponse response = call(ApiRequest.get("/x"));
        assertThat(response.attempts()).extracting(Attempt::outcome).containsExactly("reset", "timeout", "200");
    }

    @Test
    void aHostThatNeverAnswersEndsWithExitSixAndSaysWhy() {
        api = withSettings(RetrySettings.defaults().withBreaker(100, Duration.ofSeconds(30)));
        for (int i = 0; i < 6; i++) {
            api.transport.fail(TransportFailure.Kind.NOT_SENT);
        }
        assertThatThrownBy(() -> call(ApiRequest.get("/x"))).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
            assertThat(e.getMessage()).contains("scripted NOT_SENT").contains("6 attempts");
        });
    }

    @Test
    void a401RefreshesTheTokenOnceAndRetriesOnce() {
        api.transport.answer(401, "{\"code\":\"bad.credentials\",\"message\":\"Invalid login credentials.\"}")
                .answer(200, "{}");
        call(ApiRequest.get("/api/v2/tokens/me"));
        assertThat(tokens.replaced.get()).isEqualTo(1);
        assertThat(api.sent()).extracting(r -> r.headers().get("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(api.waiter.waits()).isEmpty();
    }

    @Test
    void anOutageBacksOffAndIgnoresTheRateLimitWindowThatEveryAnswerCarries() {
        Map<String, String> headers = Map.of("inin-ratelimit-allowed", "300", "inin-ratelimit-count", "3",
                "inin-ratelimit-reset", "60");
        api.transport.answer(503, UNAVAILABLE, headers).answer(503, UNAVAILABLE, headers).answer(200, "{}", headers);
        call(ApiRequest.get("/api/v2/customdomains"));
        assertThat(api.waiter.waits()).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void anOutageHonoursRetryAfter() {
        api.transport.answer(503, UNAVAILABLE, Map.of("Retry-After", "7")).answer(200, "{}");
        call(ApiRequest.get("/api/v2/customdomains"));
        assertThat(api.waiter.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void anUnknownHostIsNotRetried() {
        api.transport.fail(TransportFailure.Kind.UNKNOWN_HOST);
        assertThatThrownBy(() -> call(ApiRequest.get("/x"))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE));
        assertThat(api.transport.sent()).hasSize(1);
        assertThat(api.waiter.waits()).isEmpty();
    }

    @Test
    void noWaitIsSpentOnARetryThatWouldOnlyMeetAnOpenCircuit() {
        api = ScriptedApi.options().retry(RetrySettings.defaults().withBreaker(2, Duration.ofSeconds(30))
                .withMaxAttempts(10)).baseUrl("https://api.example.test/").tokens(tokens).build();
        api.transport.thenAlways(503, UNAVAILABLE);
        assertThatThrownBy(() -> call(ApiRequest.get("/x"))).isInstanceOf(ApiException.CircuitOpen.class);
        assertThat(api.transport.sent()).hasSize(2);
        assertThat(api.waiter.waits()).hasSize(1); // the wait after the first failure, not after the second
    }

    @Test
    void aRequestThatMustNotRefreshEndsOnTheFirst401() {
        api.transport.answer(401, "{\"code\":\"bad.credentials\",\"message\":\"Invalid login credentials.\"}");
        assertThatThrownBy(() -> call(ApiRequest.delete("/api/v2/tokens/me").withoutTokenRefresh()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(tokens.replaced.get()).isZero();
        assertThat(api.transport.sent()).hasSize(1);
    }

    @Test
    void aSecond401IsAnAuthenticationFailure() {
        String body = "{\"code\":\"bad.credentials\",\"message\":\"Invalid login credentials.\",\"contextId\":\"c4\"}";
        api.transport.answer(401, body).answer(401, body);
        assertThatThrownBy(() -> call(ApiRequest.get("/api/v2/tokens/me")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH);
                    assertThat(e.getMessage()).isEqualTo("GET /api/v2/tokens/me was refused: 401 bad.credentials: "
                            + "Invalid login credentials. (contextId c4) after 2 attempts");
                });
        assertThat(tokens.replaced.get()).isEqualTo(1);
    }

    @Test
    void aBadRequestShowsCodeMessageFieldsAndContextId() {
        api.transport.answer(400, "{\"message\":\"The private key does not match the certificate\","
                + "\"code\":\"bad.request\",\"status\":400,\"contextId\":\"8f2c\","
                + "\"details\":[{\"errorCode\":\"key.mismatch\",\"fieldName\":\"privateKey\"}]}");
        assertThatThrownBy(() -> call(ApiRequest.post("/api/v2/customdomains", "{}")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.API_REFUSED);
                    assertThat(e.getMessage()).isEqualTo("POST /api/v2/customdomains was refused: 400 bad.request: "
                            + "The private key does not match the certificate; privateKey (key.mismatch) "
                            + "(contextId 8f2c)");
                });
        assertThat(api.waiter.waits()).isEmpty();
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenFailsFastWithoutSending() {
        api = withSettings(RetrySettings.defaults().withBreaker(3, Duration.ofSeconds(30)).withMaxAttempts(10));
        api.transport.thenAlways(503, UNAVAILABLE);
        assertThatThrownBy(() -> call(ApiRequest.get("/x"))).isInstanceOfSatisfying(ApiException.CircuitOpen.class,
                e -> assertThat(e.getMessage()).contains("circuit open").contains("next try in")
                        .contains("api.example.test failed 3 times in a row"));
        assertThat(api.sent()).hasSize(3);
    }

    @Test
    void pacingHoldsRequestsBackNearTheLimit() {
        api.transport.answer(200, "{}", Map.of("inin-ratelimit-allowed", "300", "inin-ratelimit-count", "298",
                "inin-ratelimit-reset", "20")).answer(200, "{}");
        call(ApiRequest.get("/a")); // one client, so one pacer, for both calls
        call(ApiRequest.get("/b"));
        assertThat(api.waiter.waits()).containsExactly(Duration.ofSeconds(10)); // 2 left for 20 s
    }

    @Test
    void queryValuesAreHandedToTheTransportUnencodedForItToEncode() {
        api.transport.answer(200, "{}");
        call(ApiRequest.get("/api/v2/customdomains").query("domain", "a b&c=d"));
        assertThat(api.sent().get(0).query()).containsEntry("domain", "a b&c=d");
        assertThat(api.sent().get(0).url()).isEqualTo("https://api.example.test/api/v2/customdomains");
    }

    @Test
    void ctrlCDuringAWaitEndsTheCallAsInterrupted() {
        Cancellation cancellation = Cancellation.create();
        Waiter cancelling = (d, c) -> {
            if (d.isZero()) {
                return Future.succeededFuture();
            }
            cancellation.cancel(); // the user presses Ctrl-C during the Retry-After wait
            return Future.failedFuture(GctlsException.interrupted("wait"));
        };
        api = ScriptedApi.options().tokens(tokens).waiter(cancelling).build();
        api.transport.answer(429, RATE_BODY);
        assertThatThrownBy(() -> call(ApiRequest.get("/x"), cancellation))
                .isInstanceOfSatisfying(GctlsException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
        assertThat(api.sent()).hasSize(1);
    }

    @Test
    void credentialsNeverShowInTheRequestDescription() {
        ApiRequest request = ApiRequest.postForm("/oauth/token", Map.of("grant_type", "client_credentials"))
                .header("Authorization", "Basic c2VjcmV0");
        assertThat(request.toString()).isEqualTo("POST /oauth/token");
        assertThat(request.body().toString()).doesNotContain("client_credentials");
    }

    /** Hands out token-1, token-2, ... and counts replacements. */
    private static final class Tokens implements TokenSource {
        final AtomicInteger issued = new AtomicInteger(1);
        final AtomicInteger replaced = new AtomicInteger();

        @Override
        public Future<String> accessToken() {
            return Future.succeededFuture("token-" + issued.get());
        }

        @Override
        public Future<String> replace(String rejected) {
            replaced.incrementAndGet();
            return Future.succeededFuture("token-" + issued.incrementAndGet());
        }
    }
}
