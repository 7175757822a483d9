package io.gctls.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One audit event the sandbox recorded for a change, readable as a Genesys AuditLogMessage
 * (the real-time and asynchronous audit queries) and as an {@code /api/v2/auditlogs} entry (docs/api.md "Audit log").
 *
 * @param action {@code Create}, {@code Update} or {@code Delete}
 * @param entityName the domain name
 */
public record AuditEvent(String id, Instant eventDate, String serviceName, String level, String action,
        String entityType, String entityId, String entityName, String status, String userId, String userName,
        String clientId, String clientName, String remoteIp, String message, List<PropertyChange> propertyChanges) {

    /** What a change did to one property, as Genesys lists it in {@code propertyChanges[]}. */
    public record PropertyChange(String property, List<String> oldValues, List<String> newValues) {
    }

    public AuditEvent {
        propertyChanges = List.copyOf(propertyChanges);
    }

    /** The auditlogs shape's event id, e.g. {@code customdomain.create}. */
    public String eventId() {
        return entityType + "." + action.toLowerCase(java.util.Locale.ROOT);
    }

    /** A Genesys AuditLogMessage. */
    Map<String, Object> toAuditLogMessage(String homeOrgId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("userHomeOrgId", homeOrgId);
        json.put("user", Map.of("id", userId, "name", userName));
        json.put("client", Map.of("id", clientId, "name", clientName));
        json.put("remoteIp", remoteIp == null ? List.of() : List.of(remoteIp));
        json.put("serviceName", serviceName);
        json.put("level", level);
        json.put("eventDate", Times.format(eventDate));
        json.put("message", Map.of("localizableMessageCode", eventId(), "message", message));
        json.put("action", action);
        json.put("entity", Map.of("id", entityId, "name", entityName));
        json.put("entityType", entityType);
        json.put("status", status);
        json.put("propertyChanges", propertyChanges.stream().map(change -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("property", change.property());
            entry.put("oldValues", change.oldValues());
            entry.put("newValues", change.newValues());
            return entry;
        }).toList());
        json.put("context", Map.of("domain", entityName));
        return json;
    }

    /** The auditlogs entry {@code {id, eventId, eventType, timestamp, actorId, targetId, status}}. */
    Map<String, Object> toAuditLogEntry() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("eventId", eventId());
        json.put("eventType", action);
        json.put("timestamp", Times.format(eventDate));
        json.put("actorId", userId);
        json.put("targetId", entityId);
        json.put("status", status);
        return json;
    }
}
