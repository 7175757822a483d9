package io.gctls.probe;

import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One TLS handshake with a live endpoint, reporting what it served. The handshake itself trusts
 * anything on purpose: a probe must show a broken chain rather than fail to see it; judging the
 * served chain is the inspector's job afterwards.
 */
public final class TlsHandshake {

    /** What the server presented. */
    public record Served(String host, int port, String connectedTo, String sni, String protocol, String cipherSuite,
            Duration handshake, List<X509Certificate> chain, boolean ocspStapled) {
    }

    static {
        // JSSE clients do not ask for a stapled OCSP response unless told to; the property is read
        // when the TLS provider initialises, so it is set before the first handshake of the process
        if (System.getProperty("jdk.tls.client.enableStatusRequestExtension") == null) {
            System.setProperty("jdk.tls.client.enableStatusRequestExtension", "true");
        }
    }

    private TlsHandshake() {
    }

    /**
     * @param host the name to ask for (SNI) and to judge the certificate against
     * @param connect where to connect instead of {@code host} (an IP or another name), or null
     */
    public static Served probe(String host, int port, String connect, Duration timeout) {
        String target = connect == null || connect.isBlank() ? host : connect;
        long started = System.nanoTime();
        try (Socket tcp = new Socket()) {
            tcp.connect(new InetSocketAddress(target, port), (int) timeout.toMillis());
            tcp.setSoTimeout((int) timeout.toMillis());
            SSLSocket tls = (SSLSocket) recordingContext().getSocketFactory().createSocket(tcp, host, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            if (!isIpLiteral(host)) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            SSLSession session = tls.getSession();
            List<X509Certificate> chain = Arrays.stream(session.getPeerCertificates())
                    .filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).toList();
            boolean stapled = session instanceof ExtendedSSLSession extended
                    && !extended.getStatusResponses().isEmpty();
            String connectedTo = tcp.getInetAddress().getHostAddress() + ":" + port;
            tls.close();
            return new Served(host, port, connectedTo, isIpLiteral(host) ? "" : host, session.getProtocol(),
                    session.getCipherSuite(), elapsed, chain, stapled);
        } catch (UnknownHostException e) {
            throw unavailable(target, port, "unknown host");
        } catch (ConnectException e) {
            throw unavailable(target, port, "connection refused");
        } catch (SocketTimeoutException e) {
            throw unavailable(target, port, "no answer within " + timeout.toSeconds() + " s");
        } catch (SSLException e) {
            throw unavailable(target, port, "TLS handshake failed: " + e.getMessage());
        } catch (IOException e) {
            throw unavailable(target, port, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()));
        }
    }

    private static GctlsException unavailable(String target, int port, String why) {
        return new GctlsException(ExitCode.UNAVAILABLE, "probe " + target + ":" + port + " failed: " + why);
    }

    static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static SSLContext recordingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAnything()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS implementation", e);
        }
    }

    /** Accepts every chain so that the probe can report it; validation happens afterwards. */
    private static final class AcceptAnything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

}
