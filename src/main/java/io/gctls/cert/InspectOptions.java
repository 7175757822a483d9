package io.gctls.cert;

import java.util.Optional;

/**
 * How to judge the material of one inspection.
 *
 * @param domain the name the leaf must cover; empty for no name check
 * @param warnDays {@code expires-soon} fires when the leaf expires within this many days
 * @param offline no AIA, OCSP or CRL fetch at all ({@code --offline})
 * @param alias which key entry of a PKCS#12 or JKS file to take ({@code --alias})
 */
public record InspectOptions(Optional<String> domain, int warnDays, boolean offline, Optional<String> alias) {

    public static final int DEFAULT_WARN_DAYS = 30;

    public InspectOptions {
        if (warnDays < 0) {
            throw new IllegalArgumentException("warnDays must not be negative");
        }
    }

    public static InspectOptions forDomain(String domain, int warnDays) {
        return new InspectOptions(Optional.ofNullable(domain), warnDays, false, Optional.empty());
    }

    public InspectOptions offline(boolean off) {
        return new InspectOptions(domain, warnDays, off, alias);
    }
}
