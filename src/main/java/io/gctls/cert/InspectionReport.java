package io.gctls.cert;

import java.util.List;

/**
 * The answer of {@code cert inspect}: exactly what its JSON document holds (SPEC §4).
 * {@code {"verdict": "ok|warn|error", "findings": [...], "certificates": [...]}}
 */
public record InspectionReport(Verdict verdict, List<Finding> findings, List<CertificateDetails> certificates) {

    public InspectionReport {
        findings = List.copyOf(findings);
        certificates = List.copyOf(certificates);
    }

    public boolean has(CheckCode check) {
        return findings.stream().anyMatch(f -> f.is(check));
    }

    public List<String> codes() {
        return findings.stream().map(Finding::code).toList();
    }
}
