package io.gctls.audit;

import io.gctls.api.PathSegments;
import io.gctls.core.Quote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What to select, besides the time window. The server filters where its API can; gctls checks every
 * event again, because an auditlogs server (and a real one behind a proxy) may ignore a filter, and
 * because Genesys's audit queries have no status filter at all.
 *
 * @param serviceName Genesys's {@code serviceName}, required by both audit queries
 * @param entityType  the auditlogs shape's {@code entityType} query value (the real queries do not need it)
 * @param entityId    the custom domain's id, or null for every entity
 * @param action      {@code Create}, {@code Update}, {@code Delete}..., or null for every action
 * @param status      {@code SUCCESS}, {@code FAILURE} or {@code WARNING}, or null for every status
 */
public record AuditFilter(String serviceName, String entityType, String entityId, String action, String status) {

    public static final Set<String> STATUSES = Set.of("SUCCESS", "FAILURE", "WARNING");

    public AuditFilter {
        if (serviceName == null || serviceName.isBlank()) {
            throw new IllegalArgumentException("an audit query needs a service name");
        }
        action = blankToNull(AuditEvent.capitalised(blankToNull(action)));
        status = blankToNull(status) == null ? null : status.strip().toUpperCase(Locale.ROOT);
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("status '" + status + "' is not one of SUCCESS, FAILURE, WARNING");
        }
        entityId = blankToNull(entityId);
        if (entityId != null && !PathSegments.isSafe(entityId)) {
            throw new IllegalArgumentException(notAnId(entityId));
        }
    }

    /** A domain id the user gave (--domain-id): not blank, and nothing a request could misread. */
    public static String domainId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("--domain-id is blank: give a domain's id (see: domains list)");
        }
        if (!PathSegments.isSafe(id.strip())) {
            throw new IllegalArgumentException(notAnId(id));
        }
        return id.strip();
    }

    private static String notAnId(String id) {
        return "--domain-id " + Quote.of(id) + " is not a domain id (letters, digits, '-', '.', '_' or '~')";
    }

    public static AuditFilter service(String serviceName, String entityType) {
        return new AuditFilter(serviceName, entityType, null, null, null);
    }

    public AuditFilter withEntityId(String id) {
        return new AuditFilter(serviceName, entityType, id, action, status);
    }

    public AuditFilter withAction(String newAction) {
        return new AuditFilter(serviceName, entityType, entityId, newAction, status);
    }

    public AuditFilter withStatus(String newStatus) {
        return new AuditFilter(serviceName, entityType, entityId, action, newStatus);
    }

    /** Genesys's {@code filters[{property, value}]}: only properties its API documents (no status). */
    List<Map<String, String>> genesysFilters() {
        List<Map<String, String>> filters = new ArrayList<>();
        if (entityId != null) {
            filters.add(filter("EntityId", entityId));
        }
        if (action != null) {
            filters.add(filter("Action", action));
        }
        return filters;
    }

    /**
     * Whether an event passes every filter. An event without a service name passes the service
     * filter (the auditlogs shape does not carry one); the other filters need the value to be there.
     */
    public boolean matches(AuditEvent event) {
        return (event.serviceName() == null || same(serviceName, event.serviceName()))
                && same(entityId, event.entityId()) && same(action, event.action()) && same(status, event.status());
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }

    private static Map<String, String> filter(String property, String value) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("property", property);
        filter.put("value", value);
        return filter;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
