package io.gctls.cert;

import java.util.List;

/**
 * The answer of {@code cert inspect}: exactly what its JSON document holds (docs/findings.md).
 * {@code {"verdict": "ok|warn|error", "findings": [...], "certificates": [...], "network": {...}}}
 */
public record InspectionReport(Verdict verdict, List<Finding> findings, List<CertificateDetails> certificates,
        NetworkReport network) {

    public InspectionReport {
        findings = List.copyOf(findings);
        certificates = List.copyOf(certificates);
        network = network == null ? NetworkReport.none() : network;
    }

    public boolean has(CheckCode check) {
        return findings.stream().anyMatch(f -> f.is(check));
    }

    public List<String> codes() {
        return findings.stream().map(Finding::code).toList();
    }
}
