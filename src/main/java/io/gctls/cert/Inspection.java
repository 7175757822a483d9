package io.gctls.cert;

import java.util.Optional;

/**
 * One inspection: the report for people and scripts, and the parsed bundle for the payload
 * builder (present whenever a leaf certificate could be read, whatever the verdict).
 */
public record Inspection(InspectionReport report, Optional<CertificateBundle> bundle) {

    public Verdict verdict() {
        return report.verdict();
    }
}
