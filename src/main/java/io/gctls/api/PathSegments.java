package io.gctls.api;

import io.gctls.core.GctlsException;
import io.gctls.core.Quote;
import java.util.regex.Pattern;

/**
 * Ids that go into a request path ({@code /api/v2/customdomains/{id}}). Genesys ids are UUIDs;
 * anything with a slash, a space, a dot segment or a query character would change which resource
 * the request names, so it is refused rather than encoded into something the user did not mean.
 */
public final class PathSegments {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~-]{1,200}");

    private PathSegments() {
    }

    public static boolean isSafe(String id) {
        return id != null && SAFE.matcher(id).matches() && !id.equals(".") && !id.equals("..");
    }

    /** The id itself when it is safe in a path; a usage error (exit 2) naming it otherwise. */
    public static String id(String id, String what) {
        if (!isSafe(id)) {
            throw GctlsException.usage(Quote.of(id) + " is not " + what + " (letters, digits, '-', '.', '_' or '~')");
        }
        return id;
    }
}
