package io.gctls.api;

import io.gctls.core.ExitCode;
import io.gctls.core.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The final answer to a request after retries: the last attempt's status, headers and body,
 * every attempt made, and the total time spent waiting between them.
 */
public record ApiResponse(String request, RawResponse raw, List<Attempt> attempts, Duration totalWait) {

    public int status() {
        return raw.status();
    }

    public String body() {
        return raw.body();
    }

    public Optional<String> header(String name) {
        return raw.header(name);
    }

    public String correlationId() {
        return raw.correlationId();
    }

    /** The body as JSON; a body that is not JSON is the API misbehaving (exit 6), said in one line. */
    public JsonNode json() {
        try {
            JsonNode node = Json.mapper().readTree(body());
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("empty body");
            }
            return node;
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    /** The body bound to a record; unknown fields are ignored, a malformed body is exit 6. */
    public <T> T json(Class<T> type) {
        JsonNode node = json();
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    public ApiException malformed() {
        String id = correlationId().isEmpty() ? "" : " (inin-correlation-id " + correlationId() + ")";
        return new ApiException(ExitCode.UNAVAILABLE, request + " answered " + status()
                + " with a body that is not the JSON expected" + id, null, attempts);
    }
}
