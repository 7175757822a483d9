package io.gctls.deploy;

import io.gctls.api.Attempt;
import java.util.List;

/**
 * What a deploy did: created, replaced, or found the same certificate already live; the domain's
 * id, status and dates; how many requests it took and how long it waited; whether an ambiguous
 * failure had to be reconciled; and each request (status and inin-correlation-id) for --verbose.
 */
public record DeployResult(String action, String domain, String id, String status, String createdDate,
        String certificateFingerprint, int attempts, long totalWaitMs, boolean reconciled, List<String> notes,
        List<Attempt> requests) {

    public static final String CREATED = "created";
    public static final String REPLACED = "replaced";
    public static final String UNCHANGED = "unchanged";
}
