package io.gctls.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A plain JDK HTTP client for the emulator tests: real requests, no gctls client code. */
public final class SandboxHttp {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public SandboxHttp(Sandbox sandbox) {
        this.baseUrl = sandbox.baseUrl();
    }

    public static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> tokenRequest(String authorization, String contentType, String body)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth/token"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** A fresh token for the sandbox client. */
    public String login() throws IOException {
        HttpResponse<String> response = tokenRequest(basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET),
                "application/x-www-form-urlencoded", "grant_type=client_credentials");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").stringValue();
    }

    public HttpResponse<String> call(String method, String path, String token, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(
                    body instanceof String text ? text : Json.compact(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path, String token) throws IOException {
        return call("GET", path, token, null);
    }

    HttpResponse<String> post(String path, String token, Object body) throws IOException {
        return call("POST", path, token, body);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.mapper().readTree(response.body());
    }

    static Map<String, Object> domainBody(String domain, TestPki.Issued leaf) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", domain);
        body.put("certificate", leaf.certificatePem());
        body.put("privateKey", leaf.keyPem());
        body.put("type", "web");
        body.put("settings", new LinkedHashMap<>(Map.of("tlsVersion", "TLSv1.2", "ocspStapling", true)));
        return body;
    }

    /** The Genesys error body invariants: contextId is the response's correlation id. */
    static JsonNode genesysError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("code").stringValue()).isEqualTo(code);
        assertThat(body.get("status").intValue()).isEqualTo(status);
        assertThat(body.get("message").stringValue()).isNotBlank();
        assertThat(body.get("contextId").stringValue())
                .isEqualTo(response.headers().firstValue("inin-correlation-id").orElseThrow());
        assertThat(body.get("details").isArray()).isTrue();
        assertThat(body.get("errors").isArray()).isTrue();
        return body;
    }
}
