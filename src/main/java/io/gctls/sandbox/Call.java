package io.gctls.sandbox;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import io.gctls.core.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One request as a handler sees it: method, path, the path's captured parameters, the bearer token
 * it came with (null on open routes), the emulator's time, and readers for its query and JSON body
 * that refuse bad values with a Genesys 400.
 */
record Call(Request request, String method, String path, List<String> pathParameters, String token, Instant now) {

    String pathParameter(int index) {
        return pathParameters.get(index);
    }

    String remoteIp() {
        return request.getClientIp();
    }

    String header(String name) {
        return request.getHeader(name);
    }

    String bodyText() {
        return request.getBodyAsString();
    }

    byte[] bodyBytes() {
        return request.getBody();
    }

    /** The body as a JSON object; anything else is a 400. */
    JsonNode json() {
        String body = request.getBodyAsString();
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw ApiError.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("The request body must be a JSON object");
        }
        return node;
    }

    /** A query parameter's first value; blank counts as absent. */
    Optional<String> parameter(String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() && !parameter.firstValue().isBlank()
                ? Optional.of(parameter.firstValue()) : Optional.empty();
    }

    int intParameter(String name, int fallback, int min, int max) {
        return parameter(name).map(value -> bounded(name, value, min, max)).orElse(fallback);
    }

    static int intField(JsonNode body, String name, int fallback, int min, int max) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        return bounded(name, node.isString() ? node.stringValue() : node.toString(), min, max);
    }

    private static int bounded(String name, String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number, not '" + value + "'", "INVALID_VALUE", name);
        }
        if (number < min || number > max) {
            throw ApiError.badRequest(name + " must be between " + min + " and " + max + ", not " + number,
                    "INVALID_VALUE", name);
        }
        return number;
    }
}
