package io.gctls.rotate;

import java.util.Set;

/**
 * How one domain of a rotation ended: a journal {@code outcome} line, and with {@code --output json}
 * one JSON line of the run.
 *
 * @param outcome {@code created}, {@code replaced}, {@code unchanged}, {@code refused}, {@code failed},
 *     {@code parked} or {@code interrupted}
 * @param requests requests this domain's deploy sent (0 when nothing was sent)
 * @param reconciled an unclear answer was settled by looking the domain up
 * @param exitCode what this outcome means as an exit code (0 when done)
 * @param message why, for refused, failed, parked and interrupted; notes otherwise
 */
public record DomainOutcome(String domain, String outcome, String action, String id, String fingerprint,
        int requests, long waitedMs, boolean reconciled, int exitCode, String message) {

    public static final String CREATED = "created";
    public static final String REPLACED = "replaced";
    public static final String UNCHANGED = "unchanged";
    public static final String REFUSED = "refused";
    public static final String FAILED = "failed";
    public static final String PARKED = "parked";
    public static final String INTERRUPTED = "interrupted";

    private static final Set<String> DONE = Set.of(CREATED, REPLACED, UNCHANGED);

    /** Whether the domain is live with the new certificate. */
    public static boolean isDone(String outcome) {
        return DONE.contains(outcome);
    }

    public boolean done() {
        return isDone(outcome);
    }
}
