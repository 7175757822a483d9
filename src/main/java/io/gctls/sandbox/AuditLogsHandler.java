package io.gctls.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The auditlogs shape of docs/api.md "Audit log", {@code GET /api/v2/auditlogs}: oldest first, filtered by
 * {@code entityType}, {@code eventId}, {@code targetId} and {@code actorId}, with {@code nextPage}
 * while more remain.
 */
final class AuditLogsHandler implements Routes.Area {

    static final int MAX_PAGE_SIZE = 100;

    private final AuditTrail audit;

    AuditLogsHandler(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/v2/auditlogs", call -> Reply.json(200, auditLogs(call)));
    }

    private Map<String, Object> auditLogs(Call call) {
        Paging.Page page = Paging.fromQuery(call, "page", "pageSize", MAX_PAGE_SIZE);
        Optional<String> entityType = call.parameter("entityType");
        Optional<String> eventId = call.parameter("eventId");
        Optional<String> targetId = call.parameter("targetId");
        Optional<String> actorId = call.parameter("actorId");
        List<AuditEvent> selected = audit.events().stream()
                .filter(e -> entityType.map(e.entityType()::equalsIgnoreCase).orElse(true))
                .filter(e -> eventId.map(e.eventId()::equalsIgnoreCase).orElse(true))
                .filter(e -> targetId.map(e.entityId()::equals).orElse(true))
                .filter(e -> actorId.map(e.userId()::equals).orElse(true))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity", page.slice(selected).stream().map(AuditEvent::toAuditLogEntry).toList());
        if (page.hasMore(selected.size())) {
            StringBuilder next = new StringBuilder("/api/v2/auditlogs?pageSize=").append(page.size());
            entityType.ifPresent(v -> next.append("&entityType=").append(Forms.encode(v)));
            eventId.ifPresent(v -> next.append("&eventId=").append(Forms.encode(v)));
            targetId.ifPresent(v -> next.append("&targetId=").append(Forms.encode(v)));
            actorId.ifPresent(v -> next.append("&actorId=").append(Forms.encode(v)));
            body.put("nextPage", next.append("&page=").append(page.number() + 1).toString());
        }
        return body;
    }
}
