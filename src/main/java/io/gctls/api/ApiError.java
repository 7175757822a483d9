package io.gctls.api;

import io.gctls.core.Json;
import io.gctls.core.ServerText;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A Genesys Cloud error body ({@code message, code, status, contextId, details[], errors[]}) or
 * an OAuth one ({@code error, error_description}), reduced to what the user and support need.
 * The {@code contextId} falls back to the response's {@code inin-correlation-id}. Everything the
 * server wrote is cleaned as it is read ({@link ServerText}: secrets masked, PEM and base64 dropped),
 * so that no later cut or copy can carry a secret the server echoed back.
 */
public record ApiError(int status, String code, String message, String contextId, List<String> details) {

    /** The longest piece of server text shown; longer ones are cut, after cleaning. */
    static final int MAX_TEXT = 300;

    public static ApiError from(RawResponse response) {
        String code = "";
        String message = "";
        String contextId = "";
        List<String> details = new ArrayList<>();
        JsonNode body = parseQuietly(response.body());
        if (body != null && body.isObject()) {
            code = text(body, "code");
            message = text(body, "message");
            contextId = text(body, "contextId");
            if (code.isEmpty()) {
                code = text(body, "error");
            }
            if (message.isEmpty()) {
                message = text(body, "error_description");
            }
            if (message.isEmpty()) {
                message = text(body, "description");
            }
            for (JsonNode detail : body.path("details")) {
                String field = text(detail, "fieldName");
                String error = text(detail, "errorCode");
                String text = field.isEmpty() ? error : field + (error.isEmpty() ? "" : " (" + error + ")");
                if (!text.isEmpty()) {
                    details.add(text);
                }
            }
            for (JsonNode nested : body.path("errors")) {
                String text = text(nested, "message");
                if (!text.isEmpty()) {
                    details.add(text);
                }
            }
        }
        if (contextId.isEmpty()) {
            contextId = response.correlationId();
        }
        if (message.isEmpty() && body == null && !response.body().isBlank()) {
            message = "the answer is not JSON";
        }
        return new ApiError(response.status(), ServerText.clean(code, MAX_TEXT), ServerText.clean(message),
                ServerText.clean(contextId, MAX_TEXT), details.stream().map(ServerText::clean).toList());
    }

    /** {@code 400 bad.request: The certificate does not match the key; fields: privateKey (mismatch) (contextId abc)}. */
    public String summary() {
        StringBuilder text = new StringBuilder().append(status);
        if (!code.isEmpty()) {
            text.append(' ').append(code);
        }
        if (!message.isEmpty()) {
            text.append(": ").append(oneLine(message));
        }
        if (!details.isEmpty()) {
            text.append("; ").append(String.join("; ", details.stream().map(ApiError::oneLine).toList()));
        }
        if (!contextId.isEmpty()) {
            text.append(" (contextId ").append(contextId).append(')');
        }
        return text.toString();
    }

    /** Already cleaned in {@link #from}; cleaning again is cheap and keeps a hand-made ApiError safe too. */
    private static String oneLine(String text) {
        return ServerText.clean(text, MAX_TEXT);
    }

    private static JsonNode parseQuietly(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
