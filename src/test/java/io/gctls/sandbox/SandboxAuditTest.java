package io.gctls.sandbox;

import io.gctls.testing.MutableClock;
import static io.gctls.sandbox.SandboxHttp.domainBody;
import static io.gctls.sandbox.SandboxHttp.genesysError;
import static io.gctls.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Audit events for every change (docs/api.md "Audit log") in all three read shapes. Each test starts from the
 * same history: create a (12:00), replace a (12:01), create b (12:02), delete a (12:03).
 */
class SandboxAuditTest {

    private static final Instant T = Instant.parse("2026-05-01T12:00:00Z");
    private static final MutableClock CLOCK = MutableClock.fixed(T);
    private static final TestPki PKI = new TestPki(T);

    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults().clock(CLOCK));
    private final Sandbox sandbox = RUNNING.sandbox();
    private final SandboxHttp http = RUNNING.http();
    private String token;
    private String a;
    private String b;
    private TestPki.Issued renewed;

    @BeforeEach
    void history() throws IOException {
        token = http.login();
        TestPki.Issued first = PKI.leaf("a.example.com", T);
        a = json(http.post("/api/v2/customdomains", token, domainBody("a.example.com", first))).get("id").stringValue();
        CLOCK.advance(Duration.ofMinutes(1));
        renewed = PKI.leaf("a.example.com", T);
        assertThat(http.call("PUT", "/api/v2/customdomains/" + a, token, domainBody("a.example.com", renewed))
                .statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(1));
        b = json(http.post("/api/v2/customdomains", token, domainBody("b.example.com", PKI.leaf("b.example.com", T))))
                .get("id").stringValue();
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(http.call("DELETE", "/api/v2/customdomains/" + a, token, null).statusCode()).isEqualTo(204);
    }

    private static Map<String, Object> query(String interval, Map<String, String> filters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interval", interval);
        body.put("serviceName", Sandbox.AUDIT_SERVICE_NAME);
        body.put("filters", filters.entrySet().stream()
                .map(f -> Map.of("property", f.getKey(), "value", f.getValue())).toList());
        return body;
    }

    private static final String AROUND = "2026-05-01T11:00:00.000Z/2026-05-01T13:00:00.000Z";

    private JsonNode realtime(Map<String, Object> body) throws IOException {
        HttpResponse<String> response = http.post("/api/v2/audits/query/realtime", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> actions(JsonNode entities) {
        return entities.values().stream().map(e -> e.get("action").stringValue()).toList();
    }

    @Test
    void everyChangeIsRecorded() {
        assertThat(sandbox.auditEvents()).extracting(AuditEvent::action, AuditEvent::entityName, AuditEvent::eventDate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Create", "a.example.com", T),
                        org.assertj.core.groups.Tuple.tuple("Update", "a.example.com", T.plusSeconds(60)),
                        org.assertj.core.groups.Tuple.tuple("Create", "b.example.com", T.plusSeconds(120)),
                        org.assertj.core.groups.Tuple.tuple("Delete", "a.example.com", T.plusSeconds(180)));
        assertThat(sandbox.auditEvents()).allSatisfy(event -> {
            assertThat(event.serviceName()).isEqualTo("CustomDomains");
            assertThat(event.entityType()).isEqualTo("customdomain");
            assertThat(event.status()).isEqualTo("SUCCESS");
            assertThat(event.userId()).isEqualTo(Sandbox.CLIENT_ID);
            assertThat(event.clientId()).isEqualTo(Sandbox.CLIENT_ID);
        });
    }

    @Test
    void realtimeAnswersAuditLogMessagesNewestFirst() throws IOException {
        JsonNode page = realtime(query(AROUND, Map.of("EntityId", a)));

        assertThat(actions(page.get("entities"))).containsExactly("Delete", "Update", "Create");
        assertThat(page.get("total").intValue()).isEqualTo(3);
        assertThat(page.get("pageNumber").intValue()).isEqualTo(1);
        assertThat(page.get("pageSize").intValue()).isEqualTo(25);
        assertThat(page.get("pageCount").intValue()).isEqualTo(1);
        JsonNode update = page.at("/entities/1");
        assertThat(update.get("id").stringValue()).isNotBlank();
        assertThat(update.get("userHomeOrgId").stringValue()).isEqualTo(Sandbox.ORGANIZATION_ID);
        assertThat(update.at("/user/id").stringValue()).isEqualTo(Sandbox.CLIENT_ID);
        assertThat(update.at("/client/id").stringValue()).isEqualTo(Sandbox.CLIENT_ID);
        assertThat(update.at("/remoteIp/0").stringValue()).isEqualTo("127.0.0.1");
        assertThat(update.get("serviceName").stringValue()).isEqualTo("CustomDomains");
        assertThat(update.get("level").stringValue()).isEqualTo("USER");
        assertThat(update.get("eventDate").stringValue()).isEqualTo("2026-05-01T12:01:00.000Z");
        assertThat(update.at("/entity/id").stringValue()).isEqualTo(a);
        assertThat(update.at("/entity/name").stringValue()).isEqualTo("a.example.com");
        assertThat(update.get("entityType").stringValue()).isEqualTo("customdomain");
        assertThat(update.get("status").stringValue()).isEqualTo("SUCCESS");
        assertThat(update.at("/message/message").stringValue()).contains("a.example.com", "replaced");
        assertThat(update.at("/propertyChanges/0/property").stringValue()).isEqualTo("certificateFingerprint");
        assertThat(update.at("/propertyChanges/0/newValues/0").stringValue()).isEqualTo(renewed.fingerprint());
    }

    @Test
    void realtimeFiltersByActionEntityTypeAndUser() throws IOException {
        assertThat(actions(realtime(query(AROUND, Map.of("Action", "Create"))).get("entities")))
                .containsExactly("Create", "Create");
        assertThat(realtime(query(AROUND, Map.of("EntityType", "customdomain", "UserId", Sandbox.CLIENT_ID)))
                .get("total").intValue()).isEqualTo(4);
        assertThat(realtime(query(AROUND, Map.of("UserId", "someone-else"))).get("total").intValue()).isZero();
        JsonNode forB = realtime(query(AROUND, Map.of("EntityId", b)));
        assertThat(forB.at("/entities/0/entity/name").stringValue()).isEqualTo("b.example.com");
    }

    @Test
    void realtimeHonoursIntervalSortAndPaging() throws IOException {
        Map<String, Object> window = query("2026-05-01T12:00:30Z/2026-05-01T12:02:30Z", Map.of());
        assertThat(actions(realtime(window).get("entities"))).containsExactly("Create", "Update");

        Map<String, Object> ascending = query(AROUND, Map.of());
        ascending.put("sort", List.of(Map.of("name", "Timestamp", "sortOrder", "ascending")));
        ascending.put("pageSize", 3);
        ascending.put("pageNumber", 2);
        JsonNode page = realtime(ascending);
        assertThat(actions(page.get("entities"))).containsExactly("Delete");
        assertThat(page.get("total").intValue()).isEqualTo(4);
        assertThat(page.get("pageCount").intValue()).isEqualTo(2);
    }

    @Test
    void realtimeOnlyReaches14DaysBack() throws IOException {
        Map<String, Object> old = query("2026-04-16T12:00:00Z/2026-05-01T13:00:00Z", Map.of());

        JsonNode error = genesysError(http.post("/api/v2/audits/query/realtime", token, old), 400, "bad.request");

        assertThat(error.get("message").stringValue()).contains("14 days", "POST /api/v2/audits/query");
        assertThat(error.at("/details/0/fieldName").stringValue()).isEqualTo("interval");
        assertThat(realtime(query("2026-04-17T12:04:00Z/2026-05-01T13:00:00Z", Map.of())).get("total").intValue())
                .isEqualTo(4);
    }

    @Test
    void realtimeRefusesABadQuery() throws IOException {
        String path = "/api/v2/audits/query/realtime";
        Map<String, Object> noService = query(AROUND, Map.of());
        noService.remove("serviceName");
        assertThat(genesysError(http.post(path, token, noService), 400, "bad.request").get("message").stringValue())
                .startsWith("serviceName is required");
        assertThat(genesysError(http.post(path, token, query("yesterday", Map.of())), 400, "bad.request")
                .get("message").stringValue()).contains("is not \"start/end\" in ISO-8601");
        assertThat(genesysError(http.post(path, token, query(AROUND, Map.of("Colour", "red"))), 400, "bad.request")
                .get("message").stringValue()).startsWith("filter property 'Colour' is not one of EntityId");
        assertThat(genesysError(http.post(path, token,
                query("2026-05-01T13:00:00Z/2026-05-01T12:00:00Z", Map.of())), 400, "bad.request")
                .get("message").stringValue()).endsWith("ends before it starts");
    }

    @Test
    void asyncQueryGoesQueuedRunningSucceededThenPagesByCursor() throws IOException {
        Map<String, Object> body = query("2026-03-01T00:00:00Z/2026-05-02T00:00:00Z", Map.of());
        body.put("sort", List.of(Map.of("name", "Timestamp", "sortOrder", "ascending")));
        JsonNode submitted = json(http.post("/api/v2/audits/query", token, body));
        String id = submitted.get("id").stringValue();
        assertThat(submitted.get("state").stringValue()).isEqualTo("Queued");
        genesysError(http.get("/api/v2/audits/query/" + id + "/results", token), 400, "bad.request");

        List<String> states = List.of(
                json(http.get("/api/v2/audits/query/" + id, token)).get("state").stringValue(),
                json(http.get("/api/v2/audits/query/" + id, token)).get("state").stringValue(),
                json(http.get("/api/v2/audits/query/" + id, token)).get("state").stringValue());
        assertThat(states).containsExactly("Queued", "Running", "Succeeded");

        JsonNode first = json(http.get("/api/v2/audits/query/" + id + "/results?pageSize=3", token));
        assertThat(actions(first.get("entities"))).containsExactly("Create", "Update", "Create");
        String cursor = first.get("cursor").stringValue();
        JsonNode last = json(http.get("/api/v2/audits/query/" + id + "/results?pageSize=3&cursor=" + cursor, token));
        assertThat(actions(last.get("entities"))).containsExactly("Delete");
        assertThat(last.has("cursor")).isFalse();
    }

    @Test
    void asyncQueryPollsAreConfigurable() throws IOException {
        sandbox.auditQueryPolls(1);
        String id = json(http.post("/api/v2/audits/query", token, query(AROUND, Map.of("Action", "Delete"))))
                .get("id").stringValue();

        assertThat(json(http.get("/api/v2/audits/query/" + id, token)).get("state").stringValue())
                .isEqualTo("Succeeded");
        JsonNode results = json(http.get("/api/v2/audits/query/" + id + "/results", token));
        assertThat(actions(results.get("entities"))).containsExactly("Delete");
        assertThat(results.has("cursor")).isFalse();
    }

    @Test
    void asyncQueryRefusesUnknownIdsAndCursors() throws IOException {
        genesysError(http.get("/api/v2/audits/query/nope", token), 404, "not.found");
        sandbox.auditQueryPolls(1);
        String id = json(http.post("/api/v2/audits/query", token, query(AROUND, Map.of()))).get("id").stringValue();
        http.get("/api/v2/audits/query/" + id, token);

        genesysError(http.get("/api/v2/audits/query/" + id + "/results?cursor=forged", token), 400, "bad.request");
    }

    @Test
    void auditLogsPagesOldestFirstWithNextPage() throws IOException {
        JsonNode first = json(http.get("/api/v2/auditlogs?pageSize=3&entityType=customdomain", token));

        assertThat(first.get("entity").values()).extracting(e -> e.get("eventId").stringValue())
                .containsExactly("customdomain.create", "customdomain.update", "customdomain.create");
        String next = first.get("nextPage").stringValue();
        assertThat(next).isEqualTo("/api/v2/auditlogs?pageSize=3&entityType=customdomain&page=2");
        JsonNode last = json(http.get(next, token));
        assertThat(last.get("entity").values()).extracting(e -> e.get("eventId").stringValue())
                .containsExactly("customdomain.delete");
        assertThat(last.has("nextPage")).isFalse();
    }

    @Test
    void auditLogsFilterByEventIdAndTarget() throws IOException {
        JsonNode updates = json(http.get("/api/v2/auditlogs?pageSize=50&entityType=customdomain"
                + "&eventId=customdomain.update&page=1", token));

        assertThat(updates.get("entity").values()).hasSize(1);
        JsonNode update = updates.at("/entity/0");
        assertThat(update.get("id").stringValue()).isNotBlank();
        assertThat(update.get("eventType").stringValue()).isEqualTo("Update");
        assertThat(update.get("timestamp").stringValue()).isEqualTo("2026-05-01T12:01:00.000Z");
        assertThat(update.get("actorId").stringValue()).isEqualTo(Sandbox.CLIENT_ID);
        assertThat(update.get("targetId").stringValue()).isEqualTo(a);
        assertThat(update.get("status").stringValue()).isEqualTo("SUCCESS");
        assertThat(json(http.get("/api/v2/auditlogs?targetId=" + b, token)).get("entity").values()).hasSize(1);
    }
}
