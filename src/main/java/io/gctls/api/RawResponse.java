package io.gctls.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What came back on the wire for one attempt: status, headers (case-insensitive) and body text. */
public record RawResponse(int status, Map<String, List<String>> headers, String body) {

    public RawResponse {
        TreeMap<String, List<String>> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> insensitive.merge(name, List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        headers = java.util.Collections.unmodifiableMap(insensitive);
        body = body == null ? "" : body;
    }

    public static RawResponse of(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return new RawResponse(status, multi, body);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip());
    }

    public String correlationId() {
        return header("inin-correlation-id").orElse("");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
