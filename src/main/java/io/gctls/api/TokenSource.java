package io.gctls.api;

import io.vertx.core.Future;

/**
 * Bearer tokens for API requests. Implemented by the auth package's token manager, which
 * refreshes ahead of expiry with one refresh at a time for all callers.
 */
public interface TokenSource {

    /** A token that is valid now. */
    Future<String> accessToken();

    /** The API answered 401 to {@code rejected}: a new token (or the one another caller already got). */
    Future<String> replace(String rejected);
}
