package io.gctls.rotate;

import io.gctls.core.DomainName;
import io.gctls.core.GctlsException;
import java.util.Optional;

/**
 * Domain names as rotation compares them: the one normal form every request uses
 * ({@link DomainName}: lower case, no trailing dot, IDN as punycode, RFC 1123 labels, an optional
 * {@code *.}), so that a manifest's name and the API's name for the same domain meet.
 */
final class DomainNames {

    private DomainNames() {
    }

    /** The normal form, or empty when {@code raw} is not a host name. */
    static Optional<String> normalise(String raw) {
        try {
            return Optional.of(DomainName.normalize(raw, "domain"));
        } catch (GctlsException e) {
            return Optional.empty();
        }
    }
}
