package io.gctls.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inspection report streams its own JSON (so that a one-shot {@code cert inspect --output json}
 * never starts data binding); here the streamed document must be, character for character, the one
 * Jackson's mapper writes for the same records, on a report with every field filled (and, in
 * CertFixtureCasesTest, on every fixture case). A record component added without a line in its
 * writer fails here.
 */
class InspectionJsonTest {

    @Test
    void streamedAsMappedWithEveryFieldFilled() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("days", "12");
        data.put("quote", "a \"quoted\" \\ name\twith tab, é and 🔒");
        data.put("missing", null);
        Finding aboutCert = new Finding(Severity.WARN, "revocation-unknown", "the OCSP responder said \"try later\"",
                "www.example.com", 0, data, null);
        Finding aboutFile = new Finding(Severity.ERROR, "unreadable", "cannot read 'a b.pem'", null, null, Map.of(),
                null);
        CertificateDetails leaf = new CertificateDetails(0, "leaf", "served", "CN=www.example.com", "CN=CA",
                "01:02", List.of("DNS:www.example.com", "IP:192.0.2.1"), "2025-01-01T00:00:00Z",
                "2026-01-01T00:00:00Z", -3, "EC P-256", 256, "SHA256withECDSA", "AA:BB",
                List.of("http://ocsp.example/"), List.of("http://ca.example/i.der"), List.of("http://ca.example/c.crl"),
                true, false, false, "revoked (OCSP) on 2025-06-01: keyCompromise");
        CertificateDetails anchor = new CertificateDetails(1, "anchor", "trust", "CN=CA", "CN=CA", "00", List.of(),
                "2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z", Long.MAX_VALUE, "RSA", 4096, "SHA384withRSA", "CC",
                List.of(), List.of(), List.of(), false, true, true, null);
        NetworkReport network = new NetworkReport(false, List.of(
                new NetworkReport.Fetch("http://ca.example/i.der", "CA Issuers", "200, 1 certificate", 12.5),
                new NetworkReport.Fetch("http://ocsp.example/", "OCSP", "timed out", 3000.0)),
                List.of("http://ca.example/c.crl"));

        assertSameAsMapped(new InspectionReport(Verdict.ERROR, List.of(aboutCert, aboutFile), List.of(leaf, anchor),
                network));
        assertSameAsMapped(new InspectionReport(Verdict.OK, List.of(), List.of(), new NetworkReport(true, List.of(),
                List.of("http://ca.example/i.der"))));
    }

    static void assertSameAsMapped(InspectionReport report) {
        assertThat(Json.pretty(report))
                .isEqualTo(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        assertThat(Json.compact(report)).isEqualTo(Json.mapper().writeValueAsString(report));
    }
}
