package io.gctls.audit;

import java.time.Instant;

/** One read of the audit log: the window {@code [start, end)}, the filters and the paging bounds. */
public record AuditQuery(Instant start, Instant end, AuditFilter filter, AuditLimits limits) {

    public AuditQuery {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the window ends (" + AuditTimes.format(end) + ") before it starts ("
                    + AuditTimes.format(start) + ")");
        }
    }

    public AuditQuery between(Instant newStart, Instant newEnd) {
        return new AuditQuery(newStart, newEnd, filter, limits);
    }

    /** Genesys's ISO-8601 interval, {@code start/end}, in UTC with milliseconds. */
    public String interval() {
        return AuditTimes.format(start) + "/" + AuditTimes.format(end);
    }

    /** The window and the filters, checked on our side as well as the server's. */
    public boolean admits(AuditEvent event) {
        Instant at = event.eventDate();
        boolean inWindow = at == null || (!at.isBefore(start) && at.isBefore(end));
        return inWindow && filter.matches(event);
    }
}
