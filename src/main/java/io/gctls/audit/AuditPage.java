package io.gctls.audit;

import java.util.List;
import java.util.Optional;

/**
 * One page a source answered: its events in the order given, and how to ask for the next one.
 *
 * @param request the request that answered it, for messages ({@code GET /api/v2/auditlogs})
 * @param served  how many events a full page holds as the server sees it (its {@code pageSize}),
 *                or 0 when it did not say
 */
public record AuditPage(List<AuditEvent> events, Optional<Next> next, String request, int served) {

    public AuditPage {
        events = List.copyOf(events);
    }

    public AuditPage(List<AuditEvent> events, Optional<Next> next, String request) {
        this(events, next, request, 0);
    }

    /**
     * Where the next page is: a page number, an execution id and cursor, or a {@code nextPage} URI.
     *
     * @param token what the source needs to fetch it; the same token twice means the API is looping
     * @param label how messages name it ({@code page 3}, {@code nextPage /api/v2/auditlogs?page=3})
     */
    public record Next(String token, String label) {
    }
}
