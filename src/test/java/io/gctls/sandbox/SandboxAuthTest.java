package io.gctls.sandbox;

import io.gctls.testing.MutableClock;
import static io.gctls.sandbox.SandboxHttp.basic;
import static io.gctls.sandbox.SandboxHttp.genesysError;
import static io.gctls.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** OAuth client credentials (docs/api.md "Logging in (G)") and the bearer token every /api/v2 call needs. */
class SandboxAuthTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final MutableClock CLOCK = MutableClock.fixed(Instant.parse("2026-05-01T12:00:00Z"));

    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults().clock(CLOCK));
    private final Sandbox sandbox = RUNNING.sandbox();
    private final SandboxHttp http = RUNNING.http();

    @Test
    void clientCredentialsGrantIssuesABearerTokenForADay() throws IOException {
        HttpResponse<String> response = http.tokenRequest(basic(sandbox.clientId(), sandbox.clientSecret()), FORM,
                "grant_type=client_credentials");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("token_type").stringValue()).isEqualTo("bearer");
        assertThat(body.get("expires_in").longValue()).isEqualTo(86_400);
        assertThat(body.get("access_token").stringValue()).hasSizeGreaterThan(40).doesNotContain(".");
        assertThat(response.headers().firstValue("inin-correlation-id")).isPresent();
    }

    @Test
    void tokenLifetimeIsConfigurable() throws IOException {
        sandbox.tokenLifetime(Duration.ofMinutes(5));

        HttpResponse<String> response = http.tokenRequest(basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET), FORM,
                "grant_type=client_credentials");

        assertThat(json(response).get("expires_in").longValue()).isEqualTo(300);
    }

    @Test
    void jwtTokensCarryTheScopeClaim() throws IOException {
        sandbox.jwtTokens(true);
        String token = http.login();

        String[] parts = token.split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(parts[2]).isEmpty();
        JsonNode header = Json.mapper().readTree(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        JsonNode claims = Json.mapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(header.get("alg").stringValue()).isEqualTo("none");
        assertThat(claims.get("scope").stringValue()).isEqualTo("customdomain:read customdomain:write auditlog:read");
        assertThat(claims.get("exp").longValue() - claims.get("iat").longValue()).isEqualTo(86_400);
        assertThat(http.get("/api/v2/tokens/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongSecretAnswersGenesysInvalidClient() throws IOException {
        HttpResponse<String> response = http.tokenRequest(basic(Sandbox.CLIENT_ID, "not-the-secret"), FORM,
                "grant_type=client_credentials");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\",\"description\":\"authentication failed\","
                + "\"error_description\":\"authentication failed\"}");
        assertThat(response.body()).doesNotContain("not-the-secret");
    }

    @Test
    void missingBasicAuthorizationIsInvalidClient() throws IOException {
        HttpResponse<String> response = http.tokenRequest(null, FORM, "grant_type=client_credentials");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").stringValue()).isEqualTo("invalid_client");
    }

    @Test
    void anotherGrantTypeIsUnsupported() throws IOException {
        HttpResponse<String> response = http.tokenRequest(basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET), FORM,
                "grant_type=password&username=u&password=p");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").stringValue()).isEqualTo("unsupported_grant_type");
        assertThat(json(response).get("error_description").stringValue()).contains("'password'", "client_credentials");
    }

    @Test
    void missingGrantTypeIsUnsupported() throws IOException {
        HttpResponse<String> response = http.tokenRequest(basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET), FORM, "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").stringValue()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void aJsonTokenRequestIsRefused() throws IOException {
        HttpResponse<String> response = http.tokenRequest(basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET),
                "application/json", "{\"grant_type\":\"client_credentials\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").stringValue()).isEqualTo("invalid_request");
        assertThat(json(response).get("error_description").stringValue())
                .contains("application/x-www-form-urlencoded", "not application/json");
    }

    @Test
    void apiCallsWithoutABearerTokenAnswerBadCredentials() throws IOException {
        JsonNode body = genesysError(http.get("/api/v2/customdomains", null), 401, "bad.credentials");

        assertThat(body.get("message").stringValue()).contains("bearer token");
    }

    @Test
    void anUnknownTokenAnswersBadCredentials() throws IOException {
        JsonNode body = genesysError(http.get("/api/v2/tokens/me", "made-up-token"), 401, "bad.credentials");

        assertThat(body.get("message").stringValue()).isEqualTo("Invalid login credentials.");
    }

    @Test
    void anExpiredTokenAnswersBadCredentials() throws IOException {
        String token = http.login();
        CLOCK.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(http.get("/api/v2/tokens/me", token).statusCode()).isEqualTo(200);

        CLOCK.advance(Duration.ofSeconds(1));

        genesysError(http.get("/api/v2/tokens/me", token), 401, "bad.credentials");
    }

    @Test
    void tokensMeDescribesTheOrganizationAndClient() throws IOException {
        HttpResponse<String> response = http.get("/api/v2/tokens/me", http.login());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.at("/organization/id").stringValue()).isEqualTo(Sandbox.ORGANIZATION_ID);
        assertThat(body.at("/organization/name").stringValue()).isEqualTo(Sandbox.ORGANIZATION_NAME);
        assertThat(body.at("/homeOrganization/id").stringValue()).isEqualTo(Sandbox.ORGANIZATION_ID);
        assertThat(body.at("/OAuthClient/id").stringValue()).isEqualTo(Sandbox.CLIENT_ID);
        assertThat(body.at("/OAuthClient/name").stringValue()).isEqualTo(Sandbox.CLIENT_NAME);
        assertThat(body.at("/OAuthClient/organization/id").stringValue()).isEqualTo(Sandbox.ORGANIZATION_ID);
        assertThat(body.get("authorizedScope").values()).extracting(JsonNode::stringValue)
                .containsExactlyElementsOf(Sandbox.SCOPES);
    }

    @Test
    void deletingTokensMeRevokesTheToken() throws IOException {
        String token = http.login();
        String other = http.login();

        assertThat(http.call("DELETE", "/api/v2/tokens/me", token, null).statusCode()).isEqualTo(204);

        genesysError(http.get("/api/v2/tokens/me", token), 401, "bad.credentials");
        assertThat(http.get("/api/v2/tokens/me", other).statusCode()).isEqualTo(200);
    }

    @Test
    void revokeAllTokensLogsEveryoneOut() throws IOException {
        String token = http.login();

        sandbox.revokeAllTokens();

        genesysError(http.get("/api/v2/tokens/me", token), 401, "bad.credentials");
        assertThat(sandbox.status().liveTokens()).isZero();
    }

    @Test
    void anUnknownApiPathIsAGenesysNotFound() throws IOException {
        JsonNode body = genesysError(http.get("/api/v2/nothing/here", http.login()), 404, "not.found");

        assertThat(body.get("message").stringValue()).contains("GET /api/v2/nothing/here");
    }

    @Test
    void aPathOutsideTheApiIsAGenesysNotFound() throws IOException {
        genesysError(http.get("/somewhere", null), 404, "not.found");
    }
}
