package io.gctls.audit;

import io.gctls.core.Instants;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * One audit event, whichever source it came from: a Genesys AuditLogMessage (the real-time and the
 * asynchronous query) or an entry of {@code /api/v2/auditlogs} (docs/api.md "Audit log"). Fields a source does not
 * carry are null (the auditlogs shape has no service, entity name or client).
 *
 * @param action    Genesys's action, e.g. {@code Create}, {@code Update}, {@code Delete}
 * @param eventDate null when the source gave no parseable time
 */
public record AuditEvent(String id, Instant eventDate, String serviceName, String action, String entityType,
        String entityId, String entityName, String status, String userId, String userName, String clientId,
        String clientName, String message) {

    /** A Genesys AuditLogMessage; null when it has no id (it could not be told apart from others). */
    static AuditEvent fromAuditLogMessage(JsonNode json) {
        String id = text(json, "id");
        if (id == null) {
            return null;
        }
        JsonNode message = json.get("message");
        String messageText = message == null ? null : message.isString() ? message.stringValue()
                : text(message, "message");
        return new AuditEvent(id, Instants.parseLenient(text(json, "eventDate")), text(json, "serviceName"),
                text(json, "action"), text(json, "entityType"), text(json.path("entity"), "id"),
                text(json.path("entity"), "name"), upper(text(json, "status")), text(json.path("user"), "id"),
                text(json.path("user"), "name"), text(json.path("client"), "id"), text(json.path("client"), "name"),
                messageText);
    }

    /**
     * An auditlogs entry {@code {id, eventId, eventType, timestamp, actorId, targetId, status}}: the action is
     * {@code eventType}, else the part of {@code eventId} after the dot ({@code customdomain.update}).
     */
    static AuditEvent fromAuditLogEntry(JsonNode json, String defaultEntityType) {
        String id = text(json, "id");
        if (id == null) {
            return null;
        }
        String eventId = text(json, "eventId");
        String action = text(json, "eventType");
        String entityType = defaultEntityType;
        if (eventId != null && eventId.contains(".")) {
            entityType = eventId.substring(0, eventId.indexOf('.'));
            if (action == null) {
                action = capitalised(eventId.substring(eventId.indexOf('.') + 1));
            }
        }
        return new AuditEvent(id, Instants.parseLenient(text(json, "timestamp")), null, action, entityType,
                text(json, "targetId"), null, upper(text(json, "status")), text(json, "actorId"), null, null, null,
                eventId);
    }

    /** Who made the change, as the table shows it: the user's name, else the client's, else an id. */
    public String actor() {
        for (String candidate : new String[] {userName, clientName, userId, clientId}) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    /** {@code www.example.com (id)}, or whichever of the two is known. */
    public String entity() {
        if (entityName != null && entityId != null) {
            return entityName + " (" + entityId + ")";
        }
        return entityName != null ? entityName : entityId;
    }

    /** Genesys's audit actions (the SDK's AuditQueryEntity actions), by lower case. */
    private static final Map<String, String> ACTIONS = Stream.of("Create", "View", "Update", "Delete", "Download",
            "MemberAdd", "MemberUpdate", "MemberRemove", "Read", "ApplyProtection", "RevokeProtection",
            "UpdateRetention", "ReadAll", "Execute", "Publish", "Authorize", "Deauthorize", "Enable", "Disable",
            "Add", "Remove", "Move", "Copy", "Share", "Login", "Logout")
            .collect(Collectors.toUnmodifiableMap(a -> a.toLowerCase(Locale.ROOT), a -> a));

    /**
     * An action as Genesys spells it: {@code Update} for {@code update} or {@code UPDATE},
     * {@code MemberAdd} for {@code memberadd}; one it does not list keeps its letters, first one up.
     */
    static String capitalised(String action) {
        if (action == null || action.isEmpty()) {
            return action;
        }
        String known = ACTIONS.get(action.toLowerCase(Locale.ROOT));
        return known != null ? known : action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1);
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }
}
