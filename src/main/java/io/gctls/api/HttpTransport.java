package io.gctls.api;

import io.vertx.core.Future;

/**
 * Sends one HTTP attempt. The product uses {@link VertxHttpTransport}; unit tests of the retry
 * rules script answers with a fake. A failure that is not an HTTP answer is reported as a
 * {@link TransportFailure} that says whether the request can have reached the server.
 */
public interface HttpTransport {

    Future<RawResponse> send(RawRequest request);
}
