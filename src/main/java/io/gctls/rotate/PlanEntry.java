package io.gctls.rotate;

import io.gctls.cert.Verdict;
import java.util.List;

/**
 * One domain of a plan: its bundle's verdict, what the rotation will do, and the deployed
 * certificate beside the new one.
 *
 * @param findings the warnings and errors of the inspection, as {@code code: message}
 * @param deployedId empty when the domain is not deployed
 * @param lookUpFirst on a resume: a create went out for it earlier without a clear end, so it is
 *     looked up before anything is sent again
 */
public record PlanEntry(String domain, String origin, Verdict verdict, Action action, List<String> findings,
        String newFingerprint, String newExpires, String deployedId, String deployedFingerprint,
        String deployedExpires, boolean lookUpFirst) {

    public PlanEntry {
        findings = List.copyOf(findings);
    }

    /** The first error, for the one line a refused domain gets. */
    public String reason() {
        return findings.isEmpty() ? "" : findings.get(0);
    }

    PlanEntry lookingUpFirst() {
        return new PlanEntry(domain, origin, verdict, action, findings, newFingerprint, newExpires, deployedId,
                deployedFingerprint, deployedExpires, true);
    }
}
