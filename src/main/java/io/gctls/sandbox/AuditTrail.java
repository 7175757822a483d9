package io.gctls.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit events of every change, oldest first: written by the custom-domain area, read by both
 * audit shapes. Not thread-safe: the router serialises access.
 */
final class AuditTrail {

    private final List<AuditEvent> events = new ArrayList<>();

    void record(String action, CustomDomain domain, List<AuditEvent.PropertyChange> changes, String remoteIp,
            Instant now, String message) {
        events.add(new AuditEvent(UUID.randomUUID().toString(), now, Sandbox.AUDIT_SERVICE_NAME, "USER", action,
                Sandbox.AUDIT_ENTITY_TYPE, domain.id(), domain.domain(), "SUCCESS", Sandbox.CLIENT_ID,
                Sandbox.CLIENT_NAME, Sandbox.CLIENT_ID, Sandbox.CLIENT_NAME, remoteIp, message, changes));
    }

    static AuditEvent.PropertyChange change(String property, String oldValue, String newValue) {
        return new AuditEvent.PropertyChange(property, oldValue == null ? List.of() : List.of(oldValue),
                newValue == null ? List.of() : List.of(newValue));
    }

    /** The live list, for selecting from under the router's lock. */
    List<AuditEvent> events() {
        return events;
    }

    List<AuditEvent> snapshot() {
        return List.copyOf(events);
    }

    void clear() {
        events.clear();
    }
}
