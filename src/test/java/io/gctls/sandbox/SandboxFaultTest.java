package io.gctls.sandbox;

import static io.gctls.sandbox.SandboxHttp.domainBody;
import static io.gctls.sandbox.SandboxHttp.genesysError;
import static io.gctls.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import io.gctls.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Every fault switch over real HTTP: status, reset, reset-after, delay, malformed; matching and expiry. */
class SandboxFaultTest {

    private static final Instant NOW = Instant.now();
    private static final TestPki PKI = new TestPki(NOW);
    private static final String DOMAINS = "/api/v2/customdomains";
    private static final MutableClock CLOCK = MutableClock.ticking();
    /** Delay faults move the test clock instead of sleeping. */
    private static final List<Duration> SLEEPS = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults().clock(CLOCK)
            .sleeper(duration -> {
                SLEEPS.add(duration);
                CLOCK.advance(duration);
            }));
    private final Sandbox sandbox = RUNNING.sandbox();
    private final SandboxHttp http = RUNNING.http();
    private String token;

    @BeforeEach
    void fresh() throws IOException {
        SLEEPS.clear();
        token = http.login();
    }

    private HttpResponse<String> deploy(String domain) throws IOException {
        return http.post(DOMAINS, token, domainBody(domain, PKI.leaf(domain, NOW)));
    }

    @Test
    void aStatusFaultAnswersAGenesysErrorWithoutHandlingTheRequest() throws IOException {
        sandbox.addFault(FaultSpec.status(503).path("/api/v2/customdomains*"));

        JsonNode body = genesysError(deploy("www.example.com"), 503, "service.unavailable");

        assertThat(body.get("message").stringValue()).startsWith("Service Unavailable");
        assertThat(sandbox.domains()).isEmpty();
        assertThat(http.get("/api/v2/tokens/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void eachGatewayStatusHasItsGenesysCode() throws IOException {
        for (int status : new int[] {500, 502, 504}) {
            sandbox.addFault(FaultSpec.status(status).times(1));
            String code = json(http.get(DOMAINS, token)).get("code").stringValue();
            assertThat(code).isEqualTo(switch (status) {
                case 500 -> "internal.server.error";
                case 502 -> "bad.gateway";
                default -> "gateway.timeout";
            });
        }
    }

    @Test
    void aStatus429FaultCarriesRetryAfter() throws IOException {
        sandbox.addFault(FaultSpec.status(429).times(1));

        HttpResponse<String> response = http.get(DOMAINS, token);

        genesysError(response, 429, "too.many.requests.retry.after");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void a429FaultCanAskForHoursOrSayNothingOfWhenToRetry() throws IOException {
        sandbox.addFault(FaultSpec.status(429).retryAfter("7200").times(1));
        sandbox.addFault(FaultSpec.status(429).retryAfter("none").times(1));

        HttpResponse<String> hours = http.get(DOMAINS, token);
        HttpResponse<String> silent = http.get(DOMAINS, token);

        assertThat(genesysError(hours, 429, "too.many.requests.retry.after").get("message").stringValue())
                .isEqualTo("Rate limit exceeded the maximum. Retry the request in [7200] seconds");
        assertThat(hours.headers().firstValue("Retry-After")).hasValue("7200");
        assertThat(genesysError(silent, 429, "too.many.requests").get("message").stringValue())
                .isEqualTo("Rate limit exceeded the maximum.");
        assertThat(silent.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void timesNExpires() throws IOException {
        sandbox.addFault(FaultSpec.status(503).method("POST").path(DOMAINS).times(2));

        assertThat(deploy("www.example.com").statusCode()).isEqualTo(503);
        assertThat(sandbox.faults()).extracting(FaultSpec::toString)
                .containsExactly("503 --method POST --path /api/v2/customdomains --times 1");
        assertThat(deploy("www.example.com").statusCode()).isEqualTo(503);
        assertThat(sandbox.faults()).isEmpty();
        assertThat(deploy("www.example.com").statusCode()).isEqualTo(201);
    }

    @Test
    void aFaultOnlyHitsItsMethodAndPath() throws IOException {
        sandbox.addFault(FaultSpec.status(503).method("POST").path(DOMAINS));

        assertThat(http.get(DOMAINS, token).statusCode()).isEqualTo(200);
        assertThat(http.get(DOMAINS + "/some-id", token).statusCode()).isEqualTo(404);
        assertThat(deploy("www.example.com").statusCode()).isEqualTo(503);
    }

    @Test
    void theFirstMatchingFaultFires() throws IOException {
        sandbox.addFault(FaultSpec.status(502).path(DOMAINS + "/*").times(1));
        sandbox.addFault(FaultSpec.status(504).times(1));

        assertThat(http.get(DOMAINS + "/x", token).statusCode()).isEqualTo(502);
        assertThat(http.get(DOMAINS + "/x", token).statusCode()).isEqualTo(504);
        assertThat(http.get(DOMAINS + "/x", token).statusCode()).isEqualTo(404);
    }

    @Test
    void aFaultCanHitTheLogin() {
        sandbox.addFault(FaultSpec.status(503).path("/oauth/token").times(1));

        assertThatThrownBy(http::login).hasMessageContaining("503");
    }

    @Test
    void resetDropsTheConnectionBeforeHandling() {
        sandbox.addFault(FaultSpec.reset().method("POST").path(DOMAINS).times(1));

        assertThatThrownBy(() -> deploy("www.example.com")).isInstanceOf(IOException.class);

        assertThat(sandbox.domains()).isEmpty();
        assertThat(sandbox.auditEvents()).isEmpty();
    }

    @Test
    void resetAfterStoresTheDomainThenDropsTheConnection() throws IOException {
        sandbox.addFault(FaultSpec.resetAfter().method("POST").path(DOMAINS).times(1));
        TestPki.Issued leaf = PKI.leaf("www.example.com", NOW);

        assertThatThrownBy(() -> http.post(DOMAINS, token, domainBody("www.example.com", leaf)))
                .isInstanceOf(IOException.class);

        assertThat(sandbox.domains()).extracting(CustomDomain::domain).containsExactly("www.example.com");
        // What a reconciling client does next: look the domain up and compare fingerprints.
        JsonNode found = json(http.get(DOMAINS + "?domain=www.example.com", token));
        assertThat(found.at("/entities/0/certificateFingerprint").stringValue()).isEqualTo(leaf.fingerprint());
        assertThat(http.post(DOMAINS, token, domainBody("www.example.com", leaf)).statusCode()).isEqualTo(409);
    }

    @Test
    void delayAnswersNormallyAfterTheDelay() throws IOException {
        sandbox.addFault(FaultSpec.delay(300).path(DOMAINS).times(1));

        HttpResponse<String> response = http.get(DOMAINS, token);
        HttpResponse<String> next = http.get(DOMAINS, token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(SLEEPS).containsExactly(Duration.ofMillis(300));
    }

    @Test
    void malformedHandlesTheRequestAndAnswersBrokenJson() throws IOException {
        sandbox.addFault(FaultSpec.malformed().method("POST").path(DOMAINS).times(1));

        HttpResponse<String> response = deploy("www.example.com");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThatThrownBy(() -> Json.mapper().readTree(response.body())).isInstanceOf(JacksonException.class);
        assertThat(sandbox.domains()).hasSize(1);
    }

    @Test
    void malformedOnANoContentAnswerIsA200WithGarbage() throws IOException {
        String id = json(deploy("www.example.com")).get("id").stringValue();
        sandbox.addFault(FaultSpec.malformed().method("DELETE").times(1));

        HttpResponse<String> response = http.call("DELETE", DOMAINS + "/" + id, token, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> Json.mapper().readTree(response.body())).isInstanceOf(JacksonException.class);
        assertThat(sandbox.domains()).isEmpty();
    }

    @Test
    void clearFaultsRemovesThemAll() throws IOException {
        sandbox.addFault(FaultSpec.status(503));
        sandbox.addFault(FaultSpec.reset().path("/api/v2/auditlogs"));

        sandbox.clearFaults();

        assertThat(sandbox.faults()).isEmpty();
        assertThat(deploy("www.example.com").statusCode()).isEqualTo(201);
    }

    @Test
    void faultsSitBeforeAuthenticationAndTheRateLimit() throws IOException {
        sandbox.ratePerMinute(1);
        sandbox.addFault(FaultSpec.status(503).times(1));

        assertThat(http.get(DOMAINS, "no-such-token").statusCode()).isEqualTo(503);
        assertThat(http.get(DOMAINS, token).statusCode()).isEqualTo(200);
    }
}
