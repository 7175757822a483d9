package io.gctls.audit;

import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Reading the event list out of a page, the same way for every source. */
final class Pages {

    private Pages() {
    }

    /** The events of {@code field}; a missing list or an event without id is the API misbehaving (exit 6). */
    static List<AuditEvent> events(JsonNode body, String field, String request, Function<JsonNode, AuditEvent> map) {
        JsonNode list = body.get(field);
        if (list == null || !list.isArray()) {
            throw malformed(request, "no '" + field + "' list");
        }
        List<AuditEvent> events = new ArrayList<>();
        for (JsonNode entry : list) {
            AuditEvent event = entry.isObject() ? map.apply(entry) : null;
            if (event == null) {
                throw malformed(request, "an event without an id in '" + field + "'");
            }
            events.add(event);
        }
        return events;
    }

    static GctlsException malformed(String request, String what) {
        return new GctlsException(ExitCode.UNAVAILABLE, request + " answered with " + what
                + " (not the audit page the API should return)");
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }
}
