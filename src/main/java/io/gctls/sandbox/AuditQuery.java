package io.gctls.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The body shared by Genesys's real-time and asynchronous audit queries:
 * {@code {interval: "start/end", serviceName, filters[{property, value}], sort[{name, sortOrder}]}}.
 */
record AuditQuery(String interval, Instant start, Instant end, String serviceName, List<Filter> filters,
        List<Sort> sort) {

    /** Filter properties Genesys documents for audit queries, and how each reads an event. */
    private static final Map<String, Function<AuditEvent, String>> PROPERTIES = properties();

    record Filter(String property, String value) {
        boolean matches(AuditEvent event) {
            String actual = PROPERTIES.get(property.toLowerCase(Locale.ROOT)).apply(event);
            return actual != null && actual.equalsIgnoreCase(value);
        }
    }

    record Sort(String name, String sortOrder) {
        boolean descending() {
            return sortOrder.toLowerCase(Locale.ROOT).startsWith("desc");
        }
    }

    private static Map<String, Function<AuditEvent, String>> properties() {
        Map<String, Function<AuditEvent, String>> properties = new LinkedHashMap<>();
        properties.put("entityid", AuditEvent::entityId);
        properties.put("entitytype", AuditEvent::entityType);
        properties.put("entityname", AuditEvent::entityName);
        properties.put("action", AuditEvent::action);
        properties.put("userid", AuditEvent::userId);
        properties.put("clientid", AuditEvent::clientId);
        properties.put("status", AuditEvent::status);
        properties.put("level", AuditEvent::level);
        return properties;
    }

    static AuditQuery parse(JsonNode body) {
        String interval = text(body, "interval");
        if (interval == null) {
            throw ApiError.badRequest("interval is required, as \"start/end\" in ISO-8601", "MISSING_FIELD", "interval");
        }
        String[] ends = interval.split("/", -1);
        Instant start = ends.length == 2 ? Times.parse(ends[0].strip()) : null;
        Instant end = ends.length == 2 ? Times.parse(ends[1].strip()) : null;
        if (start == null || end == null) {
            throw ApiError.badRequest("interval '" + interval + "' is not \"start/end\" in ISO-8601, e.g. "
                    + "2026-05-01T00:00:00.000Z/2026-05-02T00:00:00.000Z", "INVALID_VALUE", "interval");
        }
        if (!start.isBefore(end)) {
            throw ApiError.badRequest("interval '" + interval + "' ends before it starts", "INVALID_VALUE", "interval");
        }
        String serviceName = text(body, "serviceName");
        if (serviceName == null) {
            throw ApiError.badRequest("serviceName is required (the sandbox records " + Sandbox.AUDIT_SERVICE_NAME + ")",
                    "MISSING_FIELD", "serviceName");
        }
        return new AuditQuery(interval, start, end, serviceName, filters(body.get("filters")), sort(body.get("sort")));
    }

    private static List<Filter> filters(JsonNode node) {
        List<Filter> filters = new ArrayList<>();
        if (node == null || node.isNull()) {
            return filters;
        }
        if (!node.isArray()) {
            throw ApiError.badRequest("filters must be a list of {property, value}", "INVALID_VALUE", "filters");
        }
        for (JsonNode entry : node.values()) {
            String property = entry.isObject() ? text(entry, "property") : null;
            String value = entry.isObject() ? text(entry, "value") : null;
            if (property == null || value == null) {
                throw ApiError.badRequest("every filter needs a property and a value", "INVALID_VALUE", "filters");
            }
            if (!PROPERTIES.containsKey(property.toLowerCase(Locale.ROOT))) {
                throw ApiError.badRequest("filter property '" + property + "' is not one of EntityId, EntityType, "
                        + "EntityName, Action, UserId, ClientId, Status, Level", "INVALID_VALUE", "filters.property");
            }
            filters.add(new Filter(property, value));
        }
        return filters;
    }

    private static List<Sort> sort(JsonNode node) {
        List<Sort> sort = new ArrayList<>();
        if (node == null || node.isNull()) {
            return sort;
        }
        if (!node.isArray()) {
            throw ApiError.badRequest("sort must be a list of {name, sortOrder}", "INVALID_VALUE", "sort");
        }
        for (JsonNode entry : node.values()) {
            String name = entry.isObject() ? text(entry, "name") : null;
            String order = entry.isObject() ? text(entry, "sortOrder") : null;
            if (name == null || !(name.equalsIgnoreCase("Timestamp") || name.equalsIgnoreCase("eventDate"))) {
                throw ApiError.badRequest("sort name '" + name + "' is not supported; use Timestamp", "INVALID_VALUE",
                        "sort.name");
            }
            String sortOrder = order == null ? "descending" : order;
            if (!sortOrder.toLowerCase(Locale.ROOT).matches("asc(ending)?|desc(ending)?")) {
                throw ApiError.badRequest("sortOrder '" + order + "' is neither ascending nor descending",
                        "INVALID_VALUE", "sort.sortOrder");
            }
            sort.add(new Sort(name, sortOrder));
        }
        return sort;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue().strip() : null;
    }

    /** Whether the query ascends in time; Genesys's default is newest first. */
    boolean ascending() {
        return !sort.isEmpty() && !sort.get(0).descending();
    }

    /** The events it selects, in its order: inside [start, end), of its service, passing every filter. */
    List<AuditEvent> select(List<AuditEvent> events) {
        List<AuditEvent> selected = new ArrayList<>();
        for (AuditEvent event : events) {
            if (!event.eventDate().isBefore(start) && event.eventDate().isBefore(end)
                    && event.serviceName().equalsIgnoreCase(serviceName)
                    && filters.stream().allMatch(filter -> filter.matches(event))) {
                selected.add(event);
            }
        }
        // Events are recorded in time order; a stable sort keeps same-millisecond events in that order.
        Comparator<AuditEvent> byTime = Comparator.comparing(AuditEvent::eventDate);
        selected.sort(byTime);
        if (!ascending()) {
            java.util.Collections.reverse(selected);
        }
        return selected;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("interval", interval);
        json.put("serviceName", serviceName);
        json.put("filters", filters.stream().map(f -> Map.of("property", f.property(), "value", f.value())).toList());
        json.put("sort", sort.stream().map(s -> Map.of("name", s.name(), "sortOrder", s.sortOrder())).toList());
        return json;
    }
}
