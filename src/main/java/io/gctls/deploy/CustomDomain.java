package io.gctls.deploy;

import io.gctls.cert.Fingerprints;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A custom domain as the API lists it ({@code {id, domain, status, createdDate, ...}}), with the
 * SHA-256 fingerprint of its leaf when the API tells it (as {@code certificateFingerprint}, or
 * through the {@code certificate} PEM), which is how an ambiguous deploy is reconciled.
 */
public record CustomDomain(String id, String domain, String status, String type, String createdDate,
        String modifiedDate, String certificateFingerprint, String certificateSubject, String certificateExpires,
        String tlsVersion) {

    public static CustomDomain from(JsonNode node) {
        String pem = text(node, "certificate");
        Optional<X509Certificate> leaf = parseLeaf(pem);
        String fingerprint = normalize(text(node, "certificateFingerprint"));
        if (fingerprint.isEmpty()) {
            fingerprint = leaf.map(Fingerprints::sha256Hex).orElse("");
        }
        String subject = text(node, "certificateSubject");
        if (subject.isEmpty()) {
            subject = leaf.map(c -> c.getSubjectX500Principal().getName()).orElse("");
        }
        String expires = text(node, "certificateExpirationDate");
        if (expires.isEmpty()) {
            expires = leaf.map(c -> c.getNotAfter().toInstant().toString()).orElse("");
        }
        return new CustomDomain(text(node, "id"), text(node, "domain"), text(node, "status"), text(node, "type"),
                text(node, "createdDate"), text(node, "modifiedDate"), fingerprint, subject, expires,
                node.path("settings").path("tlsVersion").asString(""));
    }

    /** True when the API says which certificate it holds and it is the one with {@code fingerprint}. */
    public Optional<Boolean> holds(String fingerprint) {
        if (certificateFingerprint.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(certificateFingerprint.equals(normalize(fingerprint)));
    }

    public boolean isFor(String name) {
        return domain.equalsIgnoreCase(stripDot(name)) || stripDot(domain).equalsIgnoreCase(stripDot(name));
    }

    static String normalize(String fingerprint) {
        return Fingerprints.normalize(fingerprint);
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static Optional<X509Certificate> parseLeaf(String pem) {
        if (pem.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
