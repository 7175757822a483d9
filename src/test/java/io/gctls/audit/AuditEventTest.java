package io.gctls.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Both shapes map to one record; what a shape lacks stays null. */
class AuditEventTest {

    @Test
    void anAuditLogMessage() {
        AuditEvent event = AuditEvent.fromAuditLogMessage(Json.mapper().readTree("""
                {"id":"e-1","eventDate":"2026-05-01T12:00:00.000Z","serviceName":"CustomDomains","action":"Update",
                 "entity":{"id":"d-1","name":"www.example.com"},"entityType":"customdomain","status":"success",
                 "user":{"id":"u-1"},"client":{"id":"c-1","selfUri":"/api/v2/oauth/clients/c-1"},
                 "message":{"localizableMessageCode":"x","message":"Replaced"}}"""));
        assertThat(event.eventDate()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
        assertThat(event.status()).isEqualTo("SUCCESS");
        assertThat(event.entity()).isEqualTo("www.example.com (d-1)");
        assertThat(event.actor()).as("no names: the user id").isEqualTo("u-1");
        assertThat(event.message()).isEqualTo("Replaced");
    }

    @Test
    void anAuditLogsEntryTakesItsActionFromEventTypeElseEventId() {
        AuditEvent typed = AuditEvent.fromAuditLogEntry(Json.mapper().readTree("""
                {"id":"a-1","eventId":"customdomain.update","eventType":"Update","timestamp":"2026-05-01T12:00:00Z",
                 "actorId":"ci","targetId":"d-1","status":"SUCCESS"}"""), "customdomain");
        assertThat(typed.action()).isEqualTo("Update");
        assertThat(typed.entityId()).isEqualTo("d-1");
        assertThat(typed.actor()).isEqualTo("ci");
        assertThat(typed.serviceName()).isNull();
        AuditEvent untyped = AuditEvent.fromAuditLogEntry(Json.mapper().readTree("""
                {"id":"a-2","eventId":"customdomain.delete","timestamp":"not a time"}"""), "customdomain");
        assertThat(untyped.action()).isEqualTo("Delete");
        assertThat(untyped.eventDate()).isNull();
        assertThat(untyped.entity()).isNull();
    }

    @Test
    void actionsAreSpelledAsGenesysDoes() {
        assertThat(AuditEvent.capitalised("update")).isEqualTo("Update");
        assertThat(AuditEvent.capitalised("UPDATE")).isEqualTo("Update");
        assertThat(AuditEvent.capitalised("memberadd")).isEqualTo("MemberAdd");
        assertThat(AuditEvent.capitalised("rotateKey")).as("not a listed action").isEqualTo("RotateKey");
    }

    @Test
    void anEventWithoutIdIsNotAnEvent() {
        assertThat(AuditEvent.fromAuditLogMessage(Json.mapper().readTree("{\"action\":\"Update\"}"))).isNull();
        assertThat(AuditEvent.fromAuditLogEntry(Json.mapper().readTree("{\"eventId\":\"x.y\"}"), "x")).isNull();
    }

    @Test
    void theFilterChecksWhatTheServerMayHaveIgnored() {
        AuditFilter filter = AuditSettings.defaults().filter().withEntityId("d-1").withAction("UPDATE");
        AuditEvent update = new AuditEvent("e", null, null, "Update", "customdomain", "d-1", null, "SUCCESS", null,
                null, null, null, null);
        AuditEvent create = new AuditEvent("e", null, "CustomDomains", "Create", "customdomain", "d-1", null,
                "SUCCESS", null, null, null, null, null);
        AuditEvent otherService = new AuditEvent("e", null, "Directory", "Update", "user", "d-1", null, "SUCCESS",
                null, null, null, null, null);
        assertThat(filter.matches(update)).as("no service name in the auditlogs shape").isTrue();
        assertThat(filter.matches(create)).isFalse();
        assertThat(filter.matches(otherService)).isFalse();
    }
}
