package io.gctls.rotate;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Domain names as rotation compares them: lower case, no trailing dot, RFC 1123 labels, an optional {@code *.}. */
final class DomainNames {

    private static final Pattern HOST = Pattern.compile(
            "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private DomainNames() {
    }

    /** The normal form, or empty when {@code raw} is not a host name. */
    static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.length() <= 253 && HOST.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }
}
