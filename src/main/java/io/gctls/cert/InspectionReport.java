package io.gctls.cert;

import io.gctls.core.Json;
import io.gctls.core.JsonWritable;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * The answer of {@code cert inspect}: exactly what its JSON document holds (docs/findings.md).
 * {@code {"verdict": "ok|warn|error", "findings": [...], "certificates": [...], "network": {...}}}
 */
public record InspectionReport(Verdict verdict, List<Finding> findings, List<CertificateDetails> certificates,
        NetworkReport network) implements JsonWritable {

    public InspectionReport {
        findings = List.copyOf(findings);
        certificates = List.copyOf(certificates);
        network = network == null ? NetworkReport.none() : network;
    }

    public boolean has(CheckCode check) {
        return findings.stream().anyMatch(f -> f.is(check));
    }

    /**
     * No valid path from the leaf to an anchor (or no leaf at all): the chain a server should send
     * cannot be told.
     */
    public boolean pathBroken() {
        return certificates.isEmpty() || findings.stream().anyMatch(f -> PATH_CODES.contains(f.code()));
    }

    private static final java.util.Set<String> PATH_CODES = java.util.Set.of(CheckCode.CHAIN_INCOMPLETE.code(),
            CheckCode.UNTRUSTED_ROOT.code(), CheckCode.SELF_SIGNED.code(), CheckCode.BAD_SIGNATURE.code(),
            CheckCode.INTERMEDIATE_NOT_CA.code(), CheckCode.PATH_LENGTH_EXCEEDED.code());

    /**
     * The document the mapper would write, streamed (see {@link JsonWritable}; CertFixtureCasesTest
     * and InspectionJsonTest compare the two).
     */
    @Override
    public void writeJson(JsonGenerator json) {
        json.writeStartObject();
        json.writeStringProperty("verdict", verdict == null ? null : verdict.label());
        Json.writeAll(json, "findings", findings);
        Json.writeAll(json, "certificates", certificates);
        json.writeName("network");
        network.writeJson(json);
        json.writeEndObject();
    }

    public List<String> codes() {
        return findings.stream().map(Finding::code).toList();
    }
}
