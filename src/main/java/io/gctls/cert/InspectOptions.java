package io.gctls.cert;

import java.util.Optional;

/**
 * How to judge the material of one inspection.
 *
 * @param domain the name the leaf must cover; empty for no name check
 * @param warnDays {@code expires-soon} fires when the leaf expires within this many days
 */
public record InspectOptions(Optional<String> domain, int warnDays) {

    public static final int DEFAULT_WARN_DAYS = 30;

    public InspectOptions {
        if (warnDays < 0) {
            throw new IllegalArgumentException("warnDays must not be negative");
        }
    }

    public static InspectOptions forDomain(String domain, int warnDays) {
        return new InspectOptions(Optional.ofNullable(domain), warnDays);
    }
}
