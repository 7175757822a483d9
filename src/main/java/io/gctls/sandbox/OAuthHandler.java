package io.gctls.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth and tokens: {@code POST /oauth/token} (client credentials, errors in the OAuth shape, an
 * open route) and {@code GET|DELETE /api/v2/tokens/me}.
 */
final class OAuthHandler implements Routes.Area {

    private final TokenStore tokens;
    private final Settings settings;

    OAuthHandler(TokenStore tokens, Settings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    @Override
    public void register(Routes routes) {
        routes.addOpen("POST", "/oauth/token", this::token)
                .add("GET", "/api/v2/tokens/me", call -> Reply.json(200, tokenInfo()))
                .add("DELETE", "/api/v2/tokens/me", this::revoke);
    }

    private Reply token(Call call) {
        if (!clientAuthenticated(call.header("Authorization"))) {
            return error(401, "invalid_client", "authentication failed");
        }
        String contentType = Optional.ofNullable(call.header("Content-Type")).orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return error(400, "invalid_request", "the token request must be an "
                    + "application/x-www-form-urlencoded form with grant_type=client_credentials, not "
                    + (contentType.isEmpty() ? "a body without a Content-Type" : contentType));
        }
        String grant = Forms.value(call.bodyText(), "grant_type");
        if (!"client_credentials".equals(grant)) {
            return error(400, "unsupported_grant_type", grant == null
                    ? "grant_type is required; this client may only use client_credentials"
                    : "grant type '" + grant + "' is not supported; use client_credentials");
        }
        TokenStore.Token token = tokens.issue(call.now(), settings.tokenLifetime, settings.jwtTokens,
                Sandbox.CLIENT_ID, Sandbox.SCOPES);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.value());
        body.put("token_type", "bearer");
        body.put("expires_in", settings.tokenLifetime.toSeconds());
        return Reply.json(200, body).header("Cache-Control", "no-store");
    }

    private Reply revoke(Call call) {
        tokens.revoke(call.token());
        return Reply.noContent();
    }

    private static boolean clientAuthenticated(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            return pair.equals(Sandbox.CLIENT_ID + ":" + Sandbox.CLIENT_SECRET);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Reply error(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("description", description);
        body.put("error_description", description);
        return Reply.json(status, body);
    }

    private static Map<String, Object> tokenInfo() {
        Map<String, Object> organization = Map.of("id", Sandbox.ORGANIZATION_ID, "name", Sandbox.ORGANIZATION_NAME);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("id", Sandbox.CLIENT_ID);
        client.put("name", Sandbox.CLIENT_NAME);
        client.put("organization", Map.of("id", Sandbox.ORGANIZATION_ID));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", organization);
        body.put("homeOrganization", organization);
        body.put("authorizedScope", Sandbox.SCOPES);
        body.put("OAuthClient", client);
        return body;
    }
}
