package io.gctls.sandbox;

import io.gctls.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** One answer of the emulator before WireMock renders it: status, headers and a JSON body, binary bytes, or none. */
final class Reply {

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private byte[] binary;

    private Reply(int status, String body) {
        this.status = status;
        this.body = body;
    }

    static Reply json(int status, Object value) {
        return new Reply(status, Json.compact(value)).header("Content-Type", "application/json");
    }

    /** A binary answer: a DER certificate, an OCSP response. */
    static Reply bytes(int status, String contentType, byte[] content) {
        Reply reply = new Reply(status, null).header("Content-Type", contentType);
        reply.binary = content.clone();
        return reply;
    }

    /** The binary body, or null for a JSON or empty answer. */
    byte[] binary() {
        return binary == null ? null : binary.clone();
    }

    static Reply noContent() {
        return new Reply(204, null);
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** The body, or null when there is none (204). */
    String body() {
        return body;
    }

    void body(String replacement) {
        this.body = replacement;
    }
}
