package io.gctls.payload;

import io.gctls.cert.KeySummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body as {@code payload preview} and {@code deploy --dry-run} show it: exactly what would be
 * sent, except that the private key is replaced by its type, size and the SHA-256 of its public
 * half (docs/configuration.md "Secrets").
 */
public record PayloadPreview(Map<String, Object> body, String leafFingerprint, List<String> fixups,
        List<String> warnings) {

    public static PayloadPreview of(BuiltPayload built) {
        CustomDomainPayload p = built.payload();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", p.domain());
        body.put("certificate", p.certificate());
        body.put("privateKey", redactedKey(built.key()));
        if (p.certificateChain() != null && !p.certificateChain().isBlank()) {
            body.put("certificateChain", p.certificateChain());
        }
        body.put("type", p.type());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tlsVersion", p.tlsVersion());
        settings.put("ocspStapling", p.ocspStapling());
        body.put("settings", settings);
        return new PayloadPreview(body, built.leafFingerprint(), built.fixups(), built.warnings());
    }

    static Map<String, Object> redactedKey(KeySummary key) {
        Map<String, Object> redacted = new LinkedHashMap<>();
        redacted.put("redacted", true);
        redacted.put("type", key.type());
        redacted.put("size", key.size());
        redacted.put("publicKeySha256", key.publicKeySha256());
        return redacted;
    }
}
