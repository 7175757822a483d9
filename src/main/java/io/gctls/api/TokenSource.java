package io.gctls.api;

import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * Bearer tokens for API requests. Implemented by the auth package's token manager, which
 * refreshes ahead of expiry with one refresh at a time for all callers.
 */
public interface TokenSource {

    /** A token that is valid now. */
    Future<String> accessToken();

    /** The API answered 401 to {@code rejected}: a new token (or the one another caller already got). */
    Future<String> replace(String rejected);

    /** As {@link #accessToken()}; a login it needs reports its waits (a 429 on the token endpoint) to {@code progress}. */
    default Future<String> accessToken(Consumer<String> progress) {
        return accessToken();
    }

    /** As {@link #replace(String)}, reporting a login's waits to {@code progress}. */
    default Future<String> replace(String rejected, Consumer<String> progress) {
        return replace(rejected);
    }
}
