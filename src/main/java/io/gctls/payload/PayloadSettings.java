package io.gctls.payload;

import io.gctls.core.GctlsException;
import java.util.Locale;

/**
 * The {@code settings} and {@code type} of the custom-domain body. TLS below 1.2 is refused
 * here, before anything is sent (docs/api.md "Custom domains (B)": the API answers 400 for it anyway).
 */
public record PayloadSettings(String tlsVersion, boolean ocspStapling, String type) {

    public static final String TLS_12 = "TLSv1.2";
    public static final String TLS_13 = "TLSv1.3";

    public static PayloadSettings defaults() {
        return new PayloadSettings(TLS_12, false, CustomDomainPayload.TYPE_WEB);
    }

    /** Accepts {@code TLSv1.2}, {@code 1.2}, {@code tls1.3} and the like; refuses anything older. */
    public static String tlsVersion(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replace("tlsv", "").replace("tls", "").replace("v", "");
        return switch (v) {
            case "1.2" -> TLS_12;
            case "1.3" -> TLS_13;
            case "1.0", "1", "1.1", "ssl3", "3", "3.0" -> throw GctlsException.input("--tls-version " + value
                    + " is refused: Genesys Cloud custom domains need TLSv1.2 or later (TLSv1.2 or TLSv1.3)");
            default -> throw GctlsException.usage("--tls-version must be TLSv1.2 or TLSv1.3, not '" + value + "'");
        };
    }
}
