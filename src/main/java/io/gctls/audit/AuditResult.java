package io.gctls.audit;

import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.util.List;
import java.util.Optional;

/**
 * The events of one query, each once, oldest first, with how they were read.
 *
 * @param repeated events that came again on a later page (the API shifted its pages) and were dropped
 * @param pageSize the events a page held as the server served them (fewer than asked when it caps
 *                 its pages), or the size asked for when no page said otherwise
 * @param stopped  why the query ended before the API said there was nothing more, when it did:
 *                 the events are those read up to then
 */
public record AuditResult(String source, String interval, List<AuditEvent> events, int pages, int repeated,
        int pageSize, Optional<Stop> stopped) {

    public AuditResult {
        events = List.copyOf(events);
    }

    public AuditResult(String source, String interval, List<AuditEvent> events, int pages, int repeated) {
        this(source, interval, events, pages, repeated, 0, Optional.empty());
    }

    /**
     * Where and why a query stopped early, as one line for the user, and the exit code it means
     * (6 for an outage, a bound or a repeating API; the refusal's own code for a 4xx on a later page).
     */
    public record Stop(String message, ExitCode exitCode) {
    }

    /** The stop as the error the command ends with, after it has shown the events read. */
    public Optional<GctlsException> failure() {
        return stopped.map(s -> new GctlsException(s.exitCode(), s.message()));
    }
}
