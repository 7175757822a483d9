package io.gctls.auth;

import io.gctls.api.ApiClient;
import io.gctls.api.ApiRequest;
import io.gctls.core.Cancellation;
import io.gctls.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Who the token belongs to, from {@code GET /api/v2/tokens/me}, plus the {@code scope} claim when
 * the token is a JWT. Client-credentials clients are governed by role permissions rather than
 * scopes, so both lists may well be empty; they are shown when present.
 */
public record WhoAmI(String organizationId, String organizationName, String homeOrganizationName, String clientId,
        String clientName, List<String> authorizedScope) {

    public static final String PATH = "/api/v2/tokens/me";

    public static WhoAmI fetch(ApiClient client, Cancellation cancellation, Consumer<String> progress) {
        JsonNode body = client.call(ApiRequest.get(PATH), cancellation, progress).json();
        List<String> scopes = new ArrayList<>();
        body.path("authorizedScope").forEach(s -> scopes.add(s.asString()));
        JsonNode org = body.path("organization");
        JsonNode client0 = body.path("OAuthClient");
        return new WhoAmI(org.path("id").asString(""), org.path("name").asString(""),
                body.path("homeOrganization").path("name").asString(""), client0.path("id").asString(""),
                client0.path("name").asString(""), List.copyOf(scopes));
    }

    /** The {@code scope} claim of a JWT access token (space-separated or an array); empty for opaque tokens. */
    public static Optional<List<String>> jwtScope(String token) {
        String[] parts = token.split("\\.", -1); // an unsecured JWT has an empty third part
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = Json.mapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            JsonNode scope = claims.get("scope");
            if (scope == null) {
                return Optional.of(List.of());
            }
            if (scope.isArray()) {
                List<String> values = new ArrayList<>();
                scope.forEach(s -> values.add(s.asString()));
                return Optional.of(List.copyOf(values));
            }
            return Optional.of(List.of(scope.asString().trim().split("\\s+")).stream().filter(s -> !s.isEmpty())
                    .toList());
        } catch (RuntimeException e) {
            return Optional.empty(); // not a JWT after all: an opaque token with dots in it
        }
    }
}
