package io.gctls.sandbox;

import io.gctls.core.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The sandbox's TLS front (docs/sandbox.md "TLS serving"): one loopback port that serves every deployed domain's
 * certificate and chain with its deployed private key, chosen by SNI ({@link SniKeyManager}),
 * TLS 1.3 and 1.2 only, so that {@code probe} can show a deploy or a replace live.
 *
 * <p>Plain JSSE rather than a Vert.x {@code NetServer}: a NetServer's SNI map is a key store fixed
 * when it starts and would be rebuilt on every change, while a JSSE key manager is asked at each
 * handshake and reads the store as it is. The port is bound when the sandbox starts (so
 * {@code sandbox status} shows it from the start and it never changes); the TLS context, which
 * costs a noticeable part of a second to initialise, is made on the first connection. Each
 * connection is a server-mode {@link SSLSocket} layered over the accepted socket. After the
 * handshake it answers one HTTP request with a line naming what it served, so that {@code curl}
 * works too. Nothing is logged: a handshake that fails is the client's to report.
 */
final class SandboxTls implements AutoCloseable {

    /** Never TLS 1.0 or 1.1, whatever {@code jdk.tls.disabledAlgorithms} of this JDK allows. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;
    private static final int REQUEST_TIMEOUT_MS = 2_000;
    private static final int MAX_REQUEST_BYTES = 8_192;
    private static final int HANDLERS = 4;

    private final ServerSocket listener;
    private final SniKeyManager keys;
    private final ThreadPoolExecutor handlers;
    private final Thread acceptor;
    private volatile SSLSocketFactory factory;

    private SandboxTls(ServerSocket listener, SniKeyManager keys) {
        this.listener = listener;
        this.keys = keys;
        this.handlers = new ThreadPoolExecutor(HANDLERS, HANDLERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(64), DaemonThreads.named("gctls-sandbox-tls"));
        this.handlers.allowCoreThreadTimeOut(true);
        this.acceptor = DaemonThreads.named("gctls-sandbox-tls-accept").newThread(this::acceptLoop);
    }

    /** Binds 127.0.0.1 on a free port and starts accepting. */
    static SandboxTls start(Emulator emulator) {
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox cannot open its TLS port on 127.0.0.1: " + e.getMessage(), e);
        }
        SandboxTls tls = new SandboxTls(listener, new SniKeyManager(emulator::deployed));
        tls.acceptor.start();
        return tls;
    }

    int port() {
        return listener.getLocalPort();
    }

    boolean isOpen() {
        return !listener.isClosed();
    }

    /** Drops every parsed key; the store was emptied. */
    void forget() {
        keys.forget();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing a listening socket that fails to close leaves nothing for us to do
        }
        handlers.shutdownNow();
        keys.forget();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                continue; // closed (the loop ends) or one failed accept (the next may work)
            }
            try {
                handlers.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket); // stopping, or far more connections than a sandbox ever sees
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            SSLSocket tls = (SSLSocket) factory().createSocket(socket, null, true); // server mode
            tls.setEnabledProtocols(PROTOCOLS);
            tls.startHandshake();
            answer(tls);
            tls.close();
        } catch (IOException | RuntimeException e) {
            // the client hung up, timed out or refused the handshake: the probe on the other side reports it
        }
    }

    /** One HTTP/1.1 request, one plain-text answer naming the certificate served, then close. */
    private static void answer(SSLSocket tls) throws IOException {
        tls.setSoTimeout(REQUEST_TIMEOUT_MS);
        if (!readRequestHead(tls.getInputStream())) {
            return; // a probe closes right after the handshake
        }
        Certificate[] served = tls.getSession().getLocalCertificates();
        String what = served != null && served.length > 0 && served[0] instanceof X509Certificate leaf
                ? leaf.getSubjectX500Principal().getName() + " (SHA-256 " + sha256(leaf) + ")" : "no certificate";
        String body = "gctls sandbox: served " + what + " over " + tls.getSession().getProtocol() + "\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = tls.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Reads up to the blank line that ends an HTTP request head; false when nothing came. */
    private static boolean readRequestHead(InputStream in) throws IOException {
        int read = 0;
        int last4 = 0;
        try {
            for (int b = in.read(); b >= 0 && read < MAX_REQUEST_BYTES; b = in.read()) {
                read++;
                last4 = (last4 << 8) | b;
                if (last4 == 0x0d0a0d0a) { // CR LF CR LF
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            // a partial request still gets its answer
        }
        return read > 0;
    }

    private SSLSocketFactory factory() {
        SSLSocketFactory current = factory;
        if (current == null) {
            synchronized (this) {
                if (factory == null) {
                    try {
                        SSLContext context = SSLContext.getInstance("TLS");
                        context.init(new KeyManager[] {keys}, null, null);
                        factory = context.getSocketFactory();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("the JDK has no TLS implementation", e);
                    }
                }
                current = factory;
            }
        }
        return current;
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            return "unknown";
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do: it is being dropped
        }
    }
}
