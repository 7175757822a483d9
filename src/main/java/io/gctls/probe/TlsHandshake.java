package io.gctls.probe;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * One TLS handshake with a live endpoint, reporting what it served. The handshake itself trusts
 * anything on purpose: a probe must show a broken chain rather than fail to see it; judging the
 * served chain is the inspector's job afterwards. It offers TLS 1.3 and 1.2 only, as Genesys
 * Cloud's floor is TLS 1.2 (docs/api.md "Custom domains (B)"): a server that speaks nothing newer fails the probe.
 */
public final class TlsHandshake {

    /**
     * What the server presented.
     *
     * @param host the name asked for (SNI) and judged against
     * @param port the port connected to
     * @param connectedTo the address actually connected to, {@code ip:port}
     * @param sni the SNI name sent, empty for an IP literal (which SNI cannot carry)
     * @param connect the TCP connect time
     * @param handshake the TLS handshake time, after the connect
     */
    public record Served(String host, int port, String connectedTo, String sni, String protocol, String cipherSuite,
            Duration connect, Duration handshake, List<X509Certificate> chain, boolean ocspStapled,
            Optional<byte[]> stapledOcsp) {
    }

    static {
        // JSSE clients ask for a stapled OCSP response only when this is on; the TLS context reads it
        // when it is created, and each probe creates its own
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
        HostPort target = new HostPort(host, port, true);
        HostPort address = connect == null || connect.isBlank() ? target : new HostPort(connect, port, true);
        return probe(target, address, timeout, Cancellation.never());
    }

    /**
     * Connects to {@code address}, sends {@code target}'s name as SNI and completes one handshake.
     *
     * @throws GctlsException exit 6 with one line (refused, unknown host, timeout, handshake
     *     failure), exit 2 for a name SNI cannot carry, exit 130 when cancelled
     */
    public static Served probe(HostPort target, HostPort address, Duration timeout, Cancellation cancellation) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        SNIHostName sni = target.isIpLiteral() ? null : sniName(target);
        try (Socket tcp = new Socket(); Cancellation.Registration onCancel = cancellation.onCancel(() -> close(tcp))) {
            long started = System.nanoTime();
            tcp.connect(new InetSocketAddress(address.host(), address.port()), millis);
            Duration connected = Duration.ofNanos(System.nanoTime() - started);
            tcp.setSoTimeout(millis);
            SSLSocket tls = (SSLSocket) AcceptAnyCertificate.context().getSocketFactory()
                    .createSocket(tcp, target.sniName(), address.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(sni == null ? List.of() : List.of(sni));
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            tls.setSSLParameters(parameters);
            long handshakeStarted = System.nanoTime();
            tls.startHandshake();
            Duration handshake = Duration.ofNanos(System.nanoTime() - handshakeStarted);
            SSLSession session = tls.getSession();
            List<X509Certificate> chain = Arrays.stream(session.getPeerCertificates())
                    .filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).toList();
            // JSSE lists one response per certificate of the chain; the leaf's is the first
            Optional<byte[]> stapledOcsp = session instanceof ExtendedSSLSession extended
                    ? extended.getStatusResponses().stream().findFirst().filter(r -> r.length > 0) : Optional.empty();
            boolean stapled = stapledOcsp.isPresent();
            String connectedTo = new HostPort(tcp.getInetAddress().getHostAddress(), address.port(), true).toString();
            String protocol = session.getProtocol();
            String cipherSuite = session.getCipherSuite();
            tls.close();
            return new Served(target.host(), address.port(), connectedTo, sni == null ? "" : sni.getAsciiName(),
                    protocol, cipherSuite, connected, handshake, chain, stapled, stapledOcsp);
        } catch (IOException e) {
            if (cancellation.isCancelled()) {
                throw GctlsException.interrupted("probe " + describe(target, address));
            }
            throw unavailable(target, address, why(e, timeout));
        }
    }

    private static SNIHostName sniName(HostPort target) {
        try {
            return new SNIHostName(target.sniName());
        } catch (IllegalArgumentException e) {
            throw GctlsException.usage(io.gctls.core.Quote.of(target.host())
                    + " cannot be sent as a TLS server name (SNI): " + e.getMessage());
        }
    }

    /** One line saying why, in the words of someone debugging a TLS endpoint rather than a JDK. */
    static String why(IOException e, Duration timeout) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof UnknownHostException) {
            return "unknown host: DNS has no address for it";
        }
        if (e instanceof ConnectException) {
            return message.toLowerCase(Locale.ROOT).contains("timed out") ? "connect timed out after "
                    + seconds(timeout) : "connection refused (nothing listens on that port)";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer within " + seconds(timeout);
        }
        if (e instanceof SSLException) {
            return handshakeFailure(e, message);
        }
        if (e instanceof SocketException) {
            return message.isEmpty() ? "connection failed" : message.toLowerCase(Locale.ROOT);
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static String handshakeFailure(IOException e, String message) {
        if (message.contains("Unsupported or unrecognized SSL message")) {
            return "the server did not answer with TLS (a plain-HTTP port?)";
        }
        if (message.contains("Remote host terminated the handshake") || e.getCause() instanceof java.io.EOFException) {
            return "the server closed the connection during the TLS handshake";
        }
        if (message.contains("protocol_version") || message.contains("No appropriate protocol")) {
            return "TLS handshake failed: the server speaks neither TLS 1.3 nor TLS 1.2 (" + message + ")";
        }
        if (message.contains("handshake_failure")) {
            return "TLS handshake failed: " + message + " (no certificate for this name, or no cipher in common)";
        }
        if (message.contains("unrecognized_name")) {
            return "TLS handshake failed: the server does not serve this name (" + message + ")";
        }
        String prefix = e instanceof SSLHandshakeException ? "TLS handshake failed: " : "TLS failed: ";
        return prefix + (message.isEmpty() ? e.getClass().getSimpleName() : message);
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static GctlsException unavailable(HostPort target, HostPort address, String why) {
        return new GctlsException(ExitCode.UNAVAILABLE, "probe " + describe(target, address) + " failed: " + why);
    }

    private static String describe(HostPort target, HostPort address) {
        boolean elsewhere = !address.host().equalsIgnoreCase(target.host()) || address.port() != target.port();
        return elsewhere ? target.host() + " via " + address : address.toString();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing to interrupt a blocked connect or read: a failure to close changes nothing
        }
    }
}
