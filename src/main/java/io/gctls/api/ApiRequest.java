package io.gctls.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to the API, before retries: method, path (relative to the target's base URL),
 * query parameters (encoded by the transport, never by string concatenation), extra headers, a
 * body, and whether repeating it after an ambiguous failure is safe.
 *
 * <p>{@link #toString()} shows only the method and path: headers may carry credentials.
 */
public final class ApiRequest {

    public enum Method { GET, POST, PUT, DELETE }

    /** What the executor may do after a failure where the request may have reached the server. */
    public enum Repeat {
        /** Reads, PUT and DELETE: repeating gives the same result, so retry 5xx, resets and timeouts. */
        SAFE,
        /**
         * Creates: never repeat blindly after a 5xx, reset or timeout; report it as ambiguous so the
         * caller can reconcile. A 429 or a connection that was never made is still retried: the
         * server did not act on those.
         */
        NEVER_AMBIGUOUS
    }

    private final Method method;
    private final String path;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final Body body;
    private final Repeat repeat;
    private final boolean refreshOn401;

    private ApiRequest(Method method, String path, Map<String, String> query, Map<String, String> headers, Body body,
            Repeat repeat) {
        this(method, path, query, headers, body, repeat, true);
    }

    private ApiRequest(Method method, String path, Map<String, String> query, Map<String, String> headers, Body body,
            Repeat repeat, boolean refreshOn401) {
        this.refreshOn401 = refreshOn401;
        this.method = Objects.requireNonNull(method);
        this.path = path.startsWith("/") ? path : "/" + path;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
        this.repeat = repeat;
    }

    public static ApiRequest get(String path) {
        return new ApiRequest(Method.GET, path, Map.of(), Map.of(), Body.NONE, Repeat.SAFE);
    }

    public static ApiRequest delete(String path) {
        return new ApiRequest(Method.DELETE, path, Map.of(), Map.of(), Body.NONE, Repeat.SAFE);
    }

    /** A POST that creates something: ambiguous failures are reported, not repeated. */
    public static ApiRequest post(String path, String json) {
        return new ApiRequest(Method.POST, path, Map.of(), Map.of(), Body.json(json), Repeat.NEVER_AMBIGUOUS);
    }

    public static ApiRequest put(String path, String json) {
        return new ApiRequest(Method.PUT, path, Map.of(), Map.of(), Body.json(json), Repeat.SAFE);
    }

    public static ApiRequest postForm(String path, Map<String, String> form) {
        return new ApiRequest(Method.POST, path, Map.of(), Map.of(), Body.form(form), Repeat.NEVER_AMBIGUOUS);
    }

    /** A POST that only reads (audit queries, token requests): safe to repeat. */
    public ApiRequest safeToRepeat() {
        return new ApiRequest(method, path, query, headers, body, Repeat.SAFE, refreshOn401);
    }

    /**
     * A 401 answer ends the request instead of refreshing the token and retrying: for revoking a
     * token, where a 401 means it is already invalid and logging in again would defeat the purpose.
     */
    public ApiRequest withoutTokenRefresh() {
        return new ApiRequest(method, path, query, headers, body, repeat, false);
    }

    public boolean refreshOn401() {
        return refreshOn401;
    }

    public ApiRequest query(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, String> next = new LinkedHashMap<>(query);
        next.put(name, String.valueOf(value));
        return new ApiRequest(method, path, next, headers, body, repeat, refreshOn401);
    }

    public ApiRequest header(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.put(name, value);
        return new ApiRequest(method, path, query, next, body, repeat, refreshOn401);
    }

    public Method method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, String> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Body body() {
        return body;
    }

    public Repeat repeat() {
        return repeat;
    }

    /** {@code POST /api/v2/customdomains}: how requests are named in messages and logs. */
    public String describe() {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return describe();
    }

    /** A request body: JSON text, a form, or nothing. Its toString never shows the content. */
    public record Body(String contentType, String json, Map<String, String> form) {

        static final Body NONE = new Body(null, null, Map.of());

        static Body json(String json) {
            return new Body("application/json", json, Map.of());
        }

        static Body form(Map<String, String> form) {
            return new Body("application/x-www-form-urlencoded", null, Map.copyOf(form));
        }

        public boolean isForm() {
            return json == null && contentType != null;
        }

        public boolean isEmpty() {
            return contentType == null;
        }

        @Override
        public String toString() {
            return isEmpty() ? "no body" : contentType + " body";
        }
    }
}
