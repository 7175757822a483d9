package io.gctls.cert;

import io.gctls.core.Cancellation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The real network for AIA, OCSP and CRL: plain HTTP, as RFC 5280 and RFC 6960 have it (an https
 * CA Issuers or OCSP URL would need the very validation it serves).
 *
 * <p>{@link HttpURLConnection} rather than the project's Vert.x client: these are a handful of small,
 * sequential, blocking requests inside a check that is itself blocking, and the JDK's client costs
 * no start-up when there is nothing to fetch, while Vert.x would start an event loop for them.
 * Each request has one timeout for the connect and one for every read; Ctrl-C disconnects it.
 */
public final class HttpNetwork implements Network {

    /** About what an offline machine may lose per step without anyone noticing much. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final Duration timeout;

    public HttpNetwork(Duration timeout) {
        this.timeout = timeout;
    }

    public HttpNetwork() {
        this(DEFAULT_TIMEOUT);
    }

    @Override
    public Response get(URI uri, int maxBytes, Cancellation cancellation) throws IOException {
        return exchange(uri, null, null, maxBytes, cancellation);
    }

    @Override
    public Response post(URI uri, String contentType, byte[] body, int maxBytes, Cancellation cancellation)
            throws IOException {
        return exchange(uri, contentType, body, maxBytes, cancellation);
    }

    private Response exchange(URI uri, String contentType, byte[] body, int maxBytes, Cancellation cancellation)
            throws IOException {
        return Exchange.run(timeout, uri, contentType, body, maxBytes, cancellation);
    }

    /**
     * The request itself, in a class of its own: it is loaded (with the exception types it handles)
     * only when something is fetched, so an inspection with nothing to fetch costs no start-up time.
     */
    private static final class Exchange {

        private Exchange() {
        }

        static Response run(Duration timeout, URI uri, String contentType, byte[] body, int maxBytes,
                Cancellation cancellation) throws IOException {
            if (!"http".equalsIgnoreCase(uri.getScheme())) {
                throw new IOException("only http URLs are fetched, not " + uri.getScheme());
            }
            cancellation.throwIfCancelled("fetching " + uri);
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            int millis = (int) Math.max(1, timeout.toMillis());
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            connection.setInstanceFollowRedirects(true);
            connection.setUseCaches(false);
            connection.setRequestProperty("User-Agent", "gctls");
            try (Cancellation.Registration onCancel = cancellation.onCancel(connection::disconnect)) {
                if (body != null) {
                    connection.setRequestMethod("POST");
                    connection.setDoOutput(true);
                    connection.setRequestProperty("Content-Type", contentType);
                    connection.setFixedLengthStreamingMode(body.length);
                    try (OutputStream out = connection.getOutputStream()) {
                        out.write(body);
                    }
                }
                int status = connection.getResponseCode();
                InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
                byte[] content = in == null ? new byte[0] : readCapped(in, maxBytes, uri);
                String type = connection.getContentType();
                return new Response(status, type == null ? "" : type, content);
            } catch (SocketTimeoutException e) {
                throw new IOException("no answer within " + seconds(timeout), e);
            } catch (ConnectException e) {
                throw new IOException("connection refused", e);
            } catch (UnknownHostException e) {
                throw new IOException("unknown host " + uri.getHost(), e);
            } catch (IOException e) {
                if (cancellation.isCancelled()) {
                    throw io.gctls.core.GctlsException.interrupted("fetching " + uri);
                }
                throw e;
            } finally {
                connection.disconnect();
            }
        }

        private static byte[] readCapped(InputStream in, int maxBytes, URI uri) throws IOException {
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (out.size() + n > maxBytes) {
                        throw new IOException("the answer is larger than " + maxBytes / 1024 + " KiB");
                    }
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            }
        }


        private static String seconds(Duration timeout) {
            return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        }
    }
}
