package io.gctls.api;

import java.time.Duration;
import java.util.Map;

/**
 * One attempt as the transport sends it: absolute URL without query, the query parameters to be
 * encoded by the transport, headers (including credentials: never logged), body and timeout.
 */
public record RawRequest(ApiRequest.Method method, String url, Map<String, String> query, Map<String, String> headers,
        ApiRequest.Body body, Duration timeout) {

    @Override
    public String toString() {
        return method + " " + url;
    }
}
