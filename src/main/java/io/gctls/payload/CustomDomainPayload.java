package io.gctls.payload;

import io.gctls.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /api/v2/customdomains} (docs/api.md "Custom domains (B)"), exactly as it is sent. It holds
 * the private key, so it has no JSON view of its own: {@link #toRequestJson()} is for the wire
 * and for {@code payload save} only, and {@link #toString()} never shows the key.
 *
 * @param certificateChain intermediates PEM in serving order, or null when there are none
 */
public record CustomDomainPayload(String domain, String certificate, String privateKey, String certificateChain,
        String type, String tlsVersion, boolean ocspStapling) {

    public static final String TYPE_WEB = "web";

    /** The body to send. */
    public String toRequestJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", domain);
        body.put("certificate", certificate);
        body.put("privateKey", privateKey);
        if (certificateChain != null && !certificateChain.isBlank()) {
            body.put("certificateChain", certificateChain);
        }
        body.put("type", type);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tlsVersion", tlsVersion);
        settings.put("ocspStapling", ocspStapling);
        body.put("settings", settings);
        return Json.pretty(body);
    }

    @Override
    public String toString() {
        return "CustomDomainPayload[domain=" + domain + ", type=" + type + ", tlsVersion=" + tlsVersion
                + ", privateKey=<redacted>]";
    }
}
