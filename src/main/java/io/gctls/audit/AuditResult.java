package io.gctls.audit;

import java.util.List;

/**
 * The events of one query, each once, oldest first, with how they were read.
 *
 * @param repeated events that came again on a later page (the API shifted its pages) and were dropped
 */
public record AuditResult(String source, String interval, List<AuditEvent> events, int pages, int repeated) {

    public AuditResult {
        events = List.copyOf(events);
    }
}
