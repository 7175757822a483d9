package io.gctls.audit;

import static io.gctls.audit.AuditFixtures.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.api.RawRequest;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Json;
import io.gctls.testing.ScriptedApi;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The auditlogs shape of docs/api.md, /api/v2/auditlogs: nextPage followed (decoded once, encoded once), filters sent, bounds kept. */
class AuditLogsSourceTest {

    private final ScriptedApi api = AuditFixtures.api();

    private static Map<String, Object> entry(String id, Instant at, String eventId, String targetId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("eventId", eventId);
        json.put("timestamp", AuditTimes.format(at));
        json.put("actorId", "gctls-sandbox");
        json.put("targetId", targetId);
        json.put("status", "SUCCESS");
        return json;
    }

    private static String page(String nextPage, Map<String, Object>... entries) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity", List.of(entries));
        if (nextPage != null) {
            body.put("nextPage", nextPage);
        }
        return Json.compact(body);
    }

    private AuditResult read(AuditFilter filter, int maxPages) {
        AuditQuery query = new AuditQuery(T.minus(Duration.ofHours(1)), T, filter,
                new AuditLimits(2, maxPages, Duration.ofMinutes(5)));
        AuditResult result = new AuditReader(new AuditLogsSource(api.client, AuditLogsSource.DEFAULT_PATH), api.clock).read(query,
                Cancellation.never(), line -> { });
        // a query that stopped early ends the command with its line, after the events read (AuditReaderTest)
        if (result.failure().isPresent()) {
            throw result.failure().get();
        }
        return result;
    }

    @Test
    void nextPageIsFollowedAndItsValuesAreDecodedOnceForTheClientToEncode() {
        // an id with a space or an '&' is refused before anything is sent (AuditFilter), so a marker of the
        // server's own carries the encoded characters
        api.transport.answer(200, page("/api/v2/auditlogs?pageSize=2&entityType=customdomain&targetId=d-1"
                        + "&marker=m%201%26x&page=2",
                        entry("a-1", T.minusSeconds(90), "customdomain.create", "d-1"),
                        entry("a-2", T.minusSeconds(80), "customdomain.update", "d-1")))
                .answer(200, page(null, entry("a-3", T.minusSeconds(70), "customdomain.delete", "d-1")));
        AuditResult result = read(AuditSettings.defaults().filter().withEntityId("d-1"), 10);
        assertThat(result.events()).extracting(AuditEvent::action).containsExactly("Create", "Update", "Delete");
        assertThat(result.events()).extracting(AuditEvent::entityType).containsOnly("customdomain");
        RawRequest first = api.sent().get(0);
        assertThat(first.url()).isEqualTo("https://api.example.test/api/v2/auditlogs");
        assertThat(first.query()).containsEntry("pageSize", "2").containsEntry("entityType", "customdomain")
                .containsEntry("targetId", "d-1").containsEntry("page", "1").doesNotContainKey("eventId");
        RawRequest second = api.sent().get(1);
        assertThat(second.url()).isEqualTo("https://api.example.test/api/v2/auditlogs");
        assertThat(second.query()).containsEntry("targetId", "d-1").containsEntry("marker", "m 1&x")
                .containsEntry("page", "2");
    }

    @Test
    void eventIdIsSentOnlyForAnAction() {
        api.transport.answer(200, page(null, entry("a-1", T.minusSeconds(90), "customdomain.update", "d-1")));
        read(AuditSettings.defaults().filter().withAction("update"), 10);
        assertThat(api.sent().get(0).query()).containsEntry("eventId", "customdomain.update");
    }

    @Test
    void theWindowIsAppliedHereBecauseTheEndpointHasNone() {
        api.transport.answer(200, page(null, entry("old", T.minus(Duration.ofDays(2)), "customdomain.create", "d-1"),
                entry("new", T.minusSeconds(10), "customdomain.update", "d-1"),
                entry("other", T.minusSeconds(5), "customdomain.update", "d-2")));
        assertThat(read(AuditSettings.defaults().filter().withEntityId("d-1"), 10).events()).extracting(AuditEvent::id)
                .containsExactly("new");
    }

    @Test
    void aNextPageForEverIsStoppedByTheBound() {
        for (int i = 1; i <= 3; i++) {
            api.transport.answer(200, page("/api/v2/auditlogs?page=" + (i + 1),
                    entry("a-" + i, T.minusSeconds(100 - i), "customdomain.update", "d-1")));
        }
        assertThatThrownBy(() -> read(AuditSettings.defaults().filter(), 3))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).startsWith("GET /api/v2/auditlogs still had more after 3 pages of 1"
                            + " (the API's page size; 2 were asked for), 3 events read (next: nextPage"
                            + " /api/v2/auditlogs?page=4); stopped at --max-pages 3");
                });
        assertThat(api.sent()).hasSize(3);
    }

    @Test
    void theSameNextPageAgainIsALoop() {
        api.transport.thenAlways(200, page("/api/v2/auditlogs?page=2",
                entry("a-1", T.minusSeconds(60), "customdomain.update", "d-1")));
        assertThatThrownBy(() -> read(AuditSettings.defaults().filter(), 100))
                .isInstanceOfSatisfying(GctlsException.class, e -> assertThat(e.getMessage())
                        .contains("GET /api/v2/auditlogs is repeating itself"));
        assertThat(api.sent()).hasSize(2);
    }

    @Test
    void aNextPageOnAnotherHostIsNotSentTheToken() {
        api.transport.answer(200, page("https://evil.example.net/api/v2/auditlogs?page=2",
                entry("a-1", T.minusSeconds(60), "customdomain.update", "d-1")));
        assertThatThrownBy(() -> read(AuditSettings.defaults().filter(), 10))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("a nextPage outside https://api.example.test");
                });
        assertThat(api.sent()).hasSize(1);
    }

    @Test
    void anAbsoluteNextPageOnTheApiItselfIsFollowed() {
        api.transport.answer(200, page("https://api.example.test/api/v2/auditlogs?page=2",
                entry("a-1", T.minusSeconds(60), "customdomain.update", "d-1")))
                .answer(200, page(null, entry("a-2", T.minusSeconds(50), "customdomain.update", "d-1")));
        assertThat(read(AuditSettings.defaults().filter(), 10).events()).hasSize(2);
        assertThat(api.sent().get(1).url()).isEqualTo("https://api.example.test/api/v2/auditlogs");
    }

    @Test
    void anEntryWithoutIdIsTheApiMisbehaving() {
        Map<String, Object> noId = entry("x", T.minusSeconds(60), "customdomain.update", "d-1");
        noId.remove("id");
        api.transport.answer(200, page(null, noId));
        assertThatThrownBy(() -> read(AuditSettings.defaults().filter(), 10))
                .isInstanceOfSatisfying(GctlsException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("GET /api/v2/auditlogs answered with an event without an id in 'entity' (not the "
                                + "audit page the API should return)"));
    }
}
