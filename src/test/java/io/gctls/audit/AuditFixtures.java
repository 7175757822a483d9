package io.gctls.audit;

import io.gctls.api.RetrySettings;
import io.gctls.core.Json;
import io.gctls.testing.ScriptedApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit unit tests' scripted API (clock at {@link #T}) and the audit answers they script. */
final class AuditFixtures {

    static final Instant T = Instant.parse("2026-05-01T12:00:00Z");

    private AuditFixtures() {
    }

    /** The executor these tests were written against: a breaker of 50 failures, jitter seed 7. */
    static ScriptedApi api() {
        return api(RetrySettings.defaults());
    }

    static ScriptedApi api(RetrySettings settings) {
        return ScriptedApi.options().at(T).retry(settings).breaker(50, Duration.ofSeconds(30)).seed(7).build();
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
}
