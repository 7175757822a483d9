package io.gctls.audit;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids a tail has printed, so that each event is printed once although polls overlap.
 * Bounded two ways: ids of events older than the next poll's window can never come back and are
 * forgotten, and past {@code capacity} the oldest are dropped, so a long tail keeps constant memory.
 */
final class SeenIds {

    private final int capacity;
    private final LinkedHashMap<String, Instant> seen;

    SeenIds(int capacity) {
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > SeenIds.this.capacity;
            }
        };
    }

    /** True the first time an id is offered. */
    boolean add(AuditEvent event) {
        if (seen.containsKey(event.id())) {
            return false;
        }
        seen.put(event.id(), event.eventDate());
        return true;
    }

    /** Forgets events dated before {@code windowStart}; events without a date are kept until evicted. */
    void forgetBefore(Instant windowStart) {
        Iterator<Instant> dates = seen.values().iterator();
        while (dates.hasNext()) {
            Instant date = dates.next();
            if (date != null && date.isBefore(windowStart)) {
                dates.remove();
            }
        }
    }

    int size() {
        return seen.size();
    }
}
