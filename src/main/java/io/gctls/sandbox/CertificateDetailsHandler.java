package io.gctls.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v2/certificate/details}: the server-side second opinion on a PEM's certificates. */
final class CertificateDetailsHandler implements Routes.Area {

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/api/v2/certificate/details", call -> Reply.json(200, details(call.json(), call.now())));
    }

    private static Map<String, Object> details(JsonNode body, Instant now) {
        JsonNode pem = body.get("certificate");
        if (pem == null || !pem.isString() || pem.stringValue().isBlank()) {
            throw ApiError.badRequest("certificate is required", "MISSING_FIELD", "certificate");
        }
        List<CertificateCheck.Parsed> certificates;
        try {
            certificates = CertificateCheck.certificates(pem.stringValue(), "certificate");
        } catch (CertificateCheck.Refused e) {
            throw ApiError.badRequest(e.getMessage(), e.problem().errorCode(), e.problem().fieldName());
        }
        List<Map<String, Object>> details = new ArrayList<>();
        for (CertificateCheck.Parsed certificate : certificates) {
            boolean expired = now.isAfter(certificate.notAfter());
            boolean current = !expired && !now.isBefore(certificate.notBefore());
            boolean signatureValid = CertificateCheck.signatureValid(certificate, certificates);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("issuer", certificate.issuer());
            entry.put("subject", certificate.subject());
            entry.put("issueDate", Times.format(certificate.notBefore()));
            entry.put("expirationDate", Times.format(certificate.notAfter()));
            entry.put("expired", expired);
            entry.put("valid", current && signatureValid);
            entry.put("signatureValid", signatureValid);
            details.add(entry);
        }
        return Map.of("certificateDetails", details);
    }
}
