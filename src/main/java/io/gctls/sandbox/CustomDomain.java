package io.gctls.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A custom domain as the sandbox stores it, without its private key (which the store keeps
 * apart and never puts in an answer, a snapshot or a log).
 *
 * @param certificateChain the intermediates PEM, or null when none was sent
 * @param certificateFingerprint SHA-256 of the leaf's DER, lower-case hex: what a client compares
 *        to reconcile an ambiguous deploy
 * @param version 1 on create, +1 on every replace
 */
public record CustomDomain(String id, String domain, String type, String status, String certificate,
        String certificateChain, String certificateFingerprint, String certificateSubject, String certificateIssuer,
        Instant certificateNotBefore, Instant certificateNotAfter, String tlsVersion, boolean ocspStapling,
        Instant createdDate, Instant modifiedDate, int version) {

    public static final String ACTIVE = "active";

    String selfUri() {
        return "/api/v2/customdomains/" + id;
    }

    /** The entity as the API answers it. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("domain", domain);
        json.put("type", type);
        json.put("status", status);
        json.put("certificate", certificate);
        if (certificateChain != null) {
            json.put("certificateChain", certificateChain);
        }
        json.put("certificateFingerprint", certificateFingerprint);
        json.put("certificateSubject", certificateSubject);
        json.put("certificateIssuer", certificateIssuer);
        json.put("certificateIssueDate", Times.format(certificateNotBefore));
        json.put("certificateExpirationDate", Times.format(certificateNotAfter));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tlsVersion", tlsVersion);
        settings.put("ocspStapling", ocspStapling);
        json.put("settings", settings);
        json.put("createdDate", Times.format(createdDate));
        json.put("modifiedDate", Times.format(modifiedDate));
        json.put("version", version);
        json.put("selfUri", selfUri());
        return json;
    }
}
