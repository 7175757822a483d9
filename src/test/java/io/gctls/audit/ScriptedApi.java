package io.gctls.audit;

import io.gctls.api.ApiClient;
import io.gctls.api.Circuits;
import io.gctls.api.RawRequest;
import io.gctls.api.RequestExecutor;
import io.gctls.api.RetrySettings;
import io.gctls.api.TokenSource;
import io.gctls.core.Json;
import io.gctls.testing.MutableClock;
import io.gctls.testing.RecordingWaiter;
import io.gctls.testing.ScriptedTransport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;

/**
 * The API client of the audit unit tests: the real executor (retries, pacing, breaker) over a
 * scripted transport, with a recording waiter on a fixed clock, so waits are asserted, not slept.
 */
final class ScriptedApi {

    static final Instant T = Instant.parse("2026-05-01T12:00:00Z");

    final MutableClock clock = MutableClock.fixed(T);
    final RecordingWaiter waiter = new RecordingWaiter(clock);
    final ScriptedTransport transport = new ScriptedTransport();
    final ApiClient client;

    ScriptedApi(Vertx vertx) {
        this(vertx, RetrySettings.defaults());
    }

    ScriptedApi(Vertx vertx, RetrySettings settings) {
        RequestExecutor executor = new RequestExecutor(transport, waiter, clock, settings,
                new Circuits(vertx, clock, 50, Duration.ofSeconds(30)), new SplittableRandom(7));
        client = new ApiClient(executor, "https://api.example.test", new StaticToken());
    }

    List<RawRequest> sent() {
        return transport.sent();
    }

    /** The JSON bodies sent, in order (requests without a body are skipped). */
    List<JsonNode> bodies() {
        List<JsonNode> bodies = new ArrayList<>();
        for (RawRequest request : sent()) {
            if (request.body().json() != null) {
                bodies.add(Json.mapper().readTree(request.body().json()));
            }
        }
        return bodies;
    }

    /** A Genesys AuditLogMessage of the sandbox's kind. */
    static Map<String, Object> message(String id, Instant at, String action, String entityId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("userHomeOrgId", "org-1");
        json.put("user", Map.of("id", "u-1", "name", "Ada Admin"));
        json.put("client", Map.of("id", "c-1", "name", "ci client"));
        json.put("serviceName", "CustomDomains");
        json.put("level", "USER");
        json.put("eventDate", AuditTimes.format(at));
        json.put("message", Map.of("localizableMessageCode", "customdomain." + action.toLowerCase(), "message",
                "Custom domain changed"));
        json.put("action", action);
        json.put("entity", Map.of("id", entityId, "name", "www.example.com"));
        json.put("entityType", "customdomain");
        json.put("status", "SUCCESS");
        return json;
    }

    /** A real-time query answer. */
    static String realtimePage(int pageNumber, int pageSize, int pageCount, List<Map<String, Object>> entities) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entities", entities);
        body.put("pageNumber", pageNumber);
        body.put("pageSize", pageSize);
        body.put("total", pageCount * pageSize);
        body.put("pageCount", pageCount);
        return Json.compact(body);
    }

    /** Events e-{from} .. e-{to-1}, one second apart from T, on entity d-1. */
    static List<Map<String, Object>> events(int from, int to) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            events.add(message("e-" + i, T.minusSeconds(600).plusSeconds(i), "Update", "d-1"));
        }
        return events;
    }

    static final class StaticToken implements TokenSource {
        @Override
        public Future<String> accessToken() {
            return Future.succeededFuture("tok-audit");
        }

        @Override
        public Future<String> replace(String rejected) {
            return Future.succeededFuture("tok-audit-2");
        }
    }
}
