package io.gctls.api;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The process's one Vert.x {@link WebClient} (docs/reliability.md "One client, bounded waits"): non-blocking, pooled keep-alive
 * connections, a connect timeout, and a per-request timeout. Vert.x owns query encoding.
 */
public final class VertxHttpTransport implements HttpTransport, AutoCloseable {

    private final Vertx vertx;
    private final WebClient client;
    private final boolean ownsVertx;

    public VertxHttpTransport(Vertx vertx, Duration connectTimeout, String userAgent) {
        this(vertx, connectTimeout, userAgent, false);
    }

    private VertxHttpTransport(Vertx vertx, Duration connectTimeout, String userAgent, boolean ownsVertx) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setKeepAlive(true)
                .setFollowRedirects(false)
                .setUserAgent(userAgent)
                .setDecompressionSupported(true);
        this.client = WebClient.create(vertx, options);
    }

    /** A transport with a Vert.x instance of its own, closed with it (one-shot tools, tests). */
    public static VertxHttpTransport standalone(Duration connectTimeout) {
        return new VertxHttpTransport(Vertx.vertx(), connectTimeout, "gctls", true);
    }

    public Vertx vertx() {
        return vertx;
    }

    @Override
    public Future<RawResponse> send(RawRequest request) {
        HttpRequest<Buffer> http = client.requestAbs(HttpMethod.valueOf(request.method().name()), request.url())
                .timeout(request.timeout().toMillis());
        request.query().forEach(http::addQueryParam);
        request.headers().forEach(http::putHeader);
        ApiRequest.Body body = request.body();
        Future<HttpResponse<Buffer>> sent;
        if (body.isEmpty()) {
            sent = http.send();
        } else if (body.isForm()) {
            MultiMap form = MultiMap.caseInsensitiveMultiMap();
            body.form().forEach(form::add);
            sent = http.sendForm(form);
        } else {
            http.putHeader("Content-Type", body.contentType());
            sent = http.sendBuffer(Buffer.buffer(body.json(), StandardCharsets.UTF_8.name()));
        }
        return sent.map(VertxHttpTransport::toRaw).recover(failure -> Future.failedFuture(classify(request,
                failure)));
    }

    private static RawResponse toRaw(HttpResponse<Buffer> response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.headers().names()) {
            headers.put(name, response.headers().getAll(name));
        }
        Buffer body = response.body();
        return new RawResponse(response.statusCode(), headers,
                body == null ? "" : body.toString(StandardCharsets.UTF_8));
    }

    /** Sorts a Vert.x/Netty failure into what matters for retrying: did the request leave? */
    static TransportFailure classify(RawRequest request, Throwable failure) {
        if (failure instanceof TransportFailure known) {
            return known;
        }
        String where = request.method() + " " + request.url();
        if (failure instanceof ConnectTimeoutException) {
            return new TransportFailure(TransportFailure.Kind.NOT_SENT, where + ": no connection within the connect "
                    + "timeout", failure);
        }
        if (failure instanceof UnknownHostException) {
            return new TransportFailure(TransportFailure.Kind.UNKNOWN_HOST, where + ": unknown host (check the "
                    + "region or URL)", failure);
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return new TransportFailure(TransportFailure.Kind.NOT_SENT, where + ": connection refused", failure);
        }
        if (failure instanceof SSLHandshakeException) {
            return new TransportFailure(TransportFailure.Kind.NOT_SENT, where + ": TLS handshake failed: "
                    + failure.getMessage(), failure);
        }
        if (failure instanceof TimeoutException || isTimeout(failure)) {
            return new TransportFailure(TransportFailure.Kind.TIMEOUT, where + ": no answer within "
                    + seconds(request.timeout()), failure);
        }
        if (failure instanceof HttpClosedException) {
            return new TransportFailure(TransportFailure.Kind.RESET, where + ": the connection was closed before "
                    + "an answer", failure);
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new TransportFailure(TransportFailure.Kind.RESET, where + ": " + message, failure);
    }

    private static boolean isTimeout(Throwable failure) {
        return failure.getClass().getSimpleName().contains("Timeout");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        client.close();
        if (ownsVertx) {
            vertx.close();
        }
    }
}
