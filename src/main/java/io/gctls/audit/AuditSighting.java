package io.gctls.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * The audit event a watch was waiting for, and how long it took to show up.
 *
 * @param since        when the change was made (the deploy's start), by gctls's clock
 * @param seenAt       when gctls read the event
 * @param eventLatency {@code eventDate - since}: how long the server took to record the change
 *                     (negative by as much as gctls's clock runs ahead of the server's)
 * @param seenAfter    {@code seenAt - since}: how long until the change could be seen in the audit log
 * @param polls        audit queries made, the successful one included
 */
public record AuditSighting(AuditEvent event, Instant since, Instant seenAt, Duration eventLatency,
        Duration seenAfter, int polls) {
}
