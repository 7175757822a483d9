package io.gctls.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Genesys Cloud error answer, thrown by the endpoints and rendered once by the router as
 * {@code {message, code, status, contextId, details[{errorCode, fieldName}], errors[]}} with the
 * response's correlation id as {@code contextId}.
 */
final class ApiError extends RuntimeException {

    /** One entry of {@code details[]}: what is wrong with which request field. */
    record Detail(String errorCode, String fieldName) {
    }

    private final int status;
    private final String code;
    private final List<Detail> details;
    private final Map<String, String> headers = new LinkedHashMap<>();

    ApiError(int status, String code, String message, List<Detail> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    static ApiError badRequest(String message, String errorCode, String fieldName) {
        return new ApiError(400, "bad.request", message, List.of(new Detail(errorCode, fieldName)));
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "bad.request", message, List.of());
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not.found", message, List.of());
    }

    static ApiError badCredentials() {
        return new ApiError(401, "bad.credentials", "Invalid login credentials.", List.of());
    }

    static ApiError tooManyRequests(long retryAfterSeconds) {
        return new ApiError(429, "too.many.requests.retry.after",
                "Rate limit exceeded the maximum. Retry the request in [" + retryAfterSeconds + "] seconds", List.of())
                .header("Retry-After", String.valueOf(retryAfterSeconds));
    }

    /** The 429 Genesys answers when nothing says how long to wait: no Retry-After, no [N] in the message. */
    static ApiError tooManyRequestsWithoutWait() {
        return new ApiError(429, "too.many.requests", "Rate limit exceeded the maximum.", List.of());
    }

    /** A 429 fault's answer: its own Retry-After ({@code none}: no wait stated at all), else 1 second. */
    static ApiError forFault(FaultSpec fault) {
        if (fault.status() == 429 && fault.retryAfter().isPresent()) {
            String seconds = fault.retryAfter().get();
            return seconds.equals("none") ? tooManyRequestsWithoutWait() : tooManyRequests(Long.parseLong(seconds));
        }
        return forStatus(fault.status());
    }

    /** The error a {@link FaultSpec.Kind#STATUS} fault answers: the code Genesys uses for that status. */
    static ApiError forStatus(int status) {
        return switch (status) {
            case 400 -> badRequest("The request could not be understood by the server due to malformed syntax.");
            case 401 -> badCredentials();
            case 403 -> new ApiError(403, "missing.permissions",
                    "You are not authorized to perform the requested action.", List.of());
            case 404 -> notFound("The requested resource was not found.");
            case 409 -> new ApiError(409, "conflict", "The request conflicts with the current state.", List.of());
            case 429 -> tooManyRequests(1);
            case 500 -> new ApiError(500, "internal.server.error",
                    "The server encountered an unexpected condition which prevented it from fulfilling the request.",
                    List.of());
            case 502 -> new ApiError(502, "bad.gateway", "The server received an invalid response from an upstream server.",
                    List.of());
            case 503 -> new ApiError(503, "service.unavailable",
                    "Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance).",
                    List.of());
            case 504 -> new ApiError(504, "gateway.timeout",
                    "The request timed out while the server was waiting for an upstream server.", List.of());
            default -> new ApiError(status, status >= 500 ? "server.error" : "client.error",
                    "The sandbox was told to answer HTTP " + status + ".", List.of());
        };
    }

    ApiError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Reply toReply(String contextId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", getMessage());
        body.put("code", code);
        body.put("status", status);
        body.put("contextId", contextId);
        List<Map<String, String>> detailBodies = new ArrayList<>();
        for (Detail detail : details) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("errorCode", detail.errorCode());
            entry.put("fieldName", detail.fieldName());
            detailBodies.add(entry);
        }
        body.put("details", detailBodies);
        body.put("errors", List.of());
        Reply reply = Reply.json(status, body);
        headers.forEach(reply::header);
        return reply;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<Detail> details() {
        return details;
    }
}
