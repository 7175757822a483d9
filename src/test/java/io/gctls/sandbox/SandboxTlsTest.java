package io.gctls.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import io.gctls.cert.Fingerprints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The TLS front: certificates by SNI, TLS 1.2+ only, replace and reset seen at the next handshake. */
class SandboxTlsTest {

    private static final Path FIXTURES = Path.of(System.getProperty("gctls.projectDir", ".")).toAbsolutePath()
            .normalize().resolve("fixtures/certs");
    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults());

    /** What a client saw: the certificates served and the protocol negotiated. */
    private record Handshake(List<X509Certificate> chain, String protocol) {
        String leafSha256() {
            return sha256(chain.get(0));
        }
    }

    @Test
    void servesTheDeployedCertificateAndChainWithItsKeyOnOneLoopbackPort() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");

        Handshake served = handshake("www.example.com");

        assertThat(RUNNING.sandbox().tlsPort()).isPositive().isNotEqualTo(RUNNING.sandbox().port());
        assertThat(served.leafSha256()).isEqualTo(fingerprint("chain/leaf.pem"));
        // leaf then the chain exactly as uploaded; the handshake completing proves the deployed key signed it
        assertThat(served.chain()).hasSize(1 + certificates("chain/chain.pem").size());
        assertThat(served.chain().subList(1, served.chain().size())).isEqualTo(certificates("chain/chain.pem"));
        assertThat(served.protocol()).isEqualTo("TLSv1.3");
        assertThat(RUNNING.sandbox().status().tlsPort()).isEqualTo(RUNNING.sandbox().tlsPort());
    }

    @Test
    void choosesTheCertificateBySni() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");
        deploy("api.example.org", "ok-ec/p256.pem", "ok-ec/p256.pkcs8.key", "ok-ec/chain.pem");
        deploy("*.example.net", "wildcard/leaf.pem", "wildcard/leaf.key", "wildcard/chain.pem");

        assertThat(handshake("api.example.org").leafSha256()).isEqualTo(fingerprint("ok-ec/p256.pem"));
        assertThat(handshake("WWW.Example.COM").leafSha256()).isEqualTo(fingerprint("chain/leaf.pem"));
        assertThat(handshake("shop.example.net").leafSha256()).isEqualTo(fingerprint("wildcard/leaf.pem"));
        assertThat(RUNNING.sandbox().servesTls("shop.example.net")).isTrue();
        assertThat(RUNNING.sandbox().servesTls("a.b.example.net")).isFalse();
        assertThat(RUNNING.sandbox().servesTls("www.example.com.")).isTrue();
    }

    @Test
    void anUnknownNameOrNoSniGetsTheFirstDeployedDomainsCertificate() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");
        deploy("api.example.org", "ok-ec/p256.pem", "ok-ec/p256.pkcs8.key", "ok-ec/chain.pem");

        assertThat(handshake("shop.example.org").leafSha256()).isEqualTo(fingerprint("chain/leaf.pem"));
        assertThat(handshake(null).leafSha256()).isEqualTo(fingerprint("chain/leaf.pem"));
        assertThat(RUNNING.sandbox().servesTls("shop.example.org")).isFalse();
    }

    @Test
    void servesEcAndEd25519Keys() throws Exception {
        deploy("ec.example.com", "ok-ec/p384.pem", "ok-ec/p384.sec1.key", "ok-ec/chain.pem");
        deploy("ed.example.com", "ok-ed25519/leaf.pem", "ok-ed25519/leaf.key", "ok-ed25519/chain.pem");

        assertThat(handshake("ec.example.com").leafSha256()).isEqualTo(fingerprint("ok-ec/p384.pem"));
        assertThat(handshake("ed.example.com").leafSha256()).isEqualTo(fingerprint("ok-ed25519/leaf.pem"));
    }

    @Test
    void aReplaceIsServedFromTheNextHandshakeOn() throws Exception {
        CustomDomain created = deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");
        assertThat(handshake("www.example.com").leafSha256()).isEqualTo(fingerprint("chain/leaf.pem"));

        SandboxHttp http = RUNNING.http();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificate", read("ok-ec/p256.pem"));
        body.put("privateKey", read("ok-ec/p256.pkcs8.key"));
        body.put("certificateChain", read("ok-ec/chain.pem"));
        HttpResponse<String> replaced = http.call("PUT", "/api/v2/customdomains/" + created.id(), http.login(), body);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);

        assertThat(handshake("www.example.com").leafSha256()).isEqualTo(fingerprint("ok-ec/p256.pem"));
    }

    @Test
    void aDeletedDomainIsNoLongerServedAndAResetServesNothing() throws Exception {
        CustomDomain first = deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");
        deploy("api.example.org", "ok-ec/p256.pem", "ok-ec/p256.pkcs8.key", "ok-ec/chain.pem");
        SandboxHttp http = RUNNING.http();
        assertThat(http.call("DELETE", "/api/v2/customdomains/" + first.id(), http.login(), null).statusCode())
                .isEqualTo(204);

        assertThat(handshake("www.example.com").leafSha256()).isEqualTo(fingerprint("ok-ec/p256.pem"));

        RUNNING.sandbox().reset();
        assertThatThrownBy(() -> handshake("api.example.org")).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void withNothingDeployedTheHandshakeFails() {
        assertThatThrownBy(() -> handshake("www.example.com")).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void speaksTls12ToAClientThatOffersNothingNewer() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");

        assertThat(handshake("www.example.com", "TLSv1.2").protocol()).isEqualTo("TLSv1.2");
        assertThat(helloAnswer(0x0303)).as("a TLS 1.2 ClientHello gets a ServerHello").isEqualTo("handshake");
    }

    /**
     * The JDK client cannot offer TLS 1.1 (java.security disables it, and changing that is global to
     * the test JVM), so this sends a ClientHello built by hand: the server must answer it with a
     * fatal protocol_version alert. The same hello for TLS 1.2 is answered with a ServerHello (above),
     * which shows the hand-built hello itself is sound.
     */
    @Test
    void refusesTls11AndTls10() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");

        assertThat(helloAnswer(0x0302)).isEqualTo("alert protocol_version");
        assertThat(helloAnswer(0x0301)).isEqualTo("alert protocol_version");
    }

    @Test
    void answersAnHttpsRequestWithWhatItServed() throws Exception {
        deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");

        try (SSLSocket tls = connect("www.example.com", "TLSv1.3", "TLSv1.2")) {
            tls.getOutputStream().write("GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(tls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("served CN=www.example.com")
                    .contains(fingerprint("chain/leaf.pem"));
        }
    }

    @Test
    void neverPrintsAKey() throws Exception {
        CustomDomain domain = deploy("www.example.com", "chain/leaf.pem", "chain/leaf.key", "chain/chain.pem");
        Emulator.Deployed deployed = new Emulator.Deployed(domain, read("chain/leaf.key"));
        SniKeyManager keys = new SniKeyManager(() -> List.of(deployed));

        assertThat(keys.select("www.example.com").orElseThrow().toString()).doesNotContain("PRIVATE")
                .contains("www.example.com");
        assertThat(deployed.toString()).doesNotContain("PRIVATE").contains("www.example.com");
    }

    @Test
    void stopsWithTheSandbox() {
        Sandbox own = Sandbox.start();
        int port = own.tlsPort();
        own.stop();

        assertThat(own.tlsPort()).isZero();
        assertThat(own.status().tlsPort()).isZero();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    // ------------------------------------------------------------------ helpers

    private CustomDomain deploy(String domain, String cert, String key, String chain) throws IOException {
        return RUNNING.sandbox().putDomain(domain, read(cert), read(key), read(chain));
    }

    private static Handshake handshake(String sni, String... protocols) throws IOException {
        try (SSLSocket tls = connect(sni, protocols.length == 0 ? new String[] {"TLSv1.3", "TLSv1.2"} : protocols)) {
            List<X509Certificate> chain = java.util.Arrays.stream(tls.getSession().getPeerCertificates())
                    .map(X509Certificate.class::cast).toList();
            return new Handshake(chain, tls.getSession().getProtocol());
        }
    }

    private static SSLSocket connect(String sni, String... protocols) throws IOException {
        SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", RUNNING.sandbox().tlsPort());
        tls.setSoTimeout(10_000);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        parameters.setProtocols(protocols);
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    /** Sends a hand-built ClientHello of the given version and names the first record that comes back. */
    private static String helloAnswer(int version) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RUNNING.sandbox().tlsPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(clientHello(version, "www.example.com"));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type = in.readUnsignedByte();
            in.readUnsignedShort(); // record version
            int length = in.readUnsignedShort();
            byte[] fragment = in.readNBytes(length);
            if (type == 21) {
                return "alert " + (fragment[1] == 70 ? "protocol_version" : "description " + fragment[1]);
            }
            return type == 22 ? "handshake" : "record type " + type;
        }
    }

    /** RFC 5246 §7.4.1.2, with server_name, supported_groups, ec_point_formats and signature_algorithms. */
    private static byte[] clientHello(int version, String host) {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        u16(hello, version);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        hello.writeBytes(random);
        hello.write(0); // no session id
        int[] suites = {0xC02F, 0xC030, 0xC013, 0xC014, 0x009C, 0x002F, 0x0035};
        u16(hello, suites.length * 2);
        for (int suite : suites) {
            u16(hello, suite);
        }
        hello.write(1); // one compression method: null
        hello.write(0);
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        byte[] name = host.getBytes(StandardCharsets.US_ASCII);
        extension(extensions, 0, concat(u16(name.length + 3), new byte[] {0}, u16(name.length), name));
        extension(extensions, 10, concat(u16(4), u16(0x0017), u16(0x0018))); // secp256r1, secp384r1
        extension(extensions, 11, new byte[] {1, 0}); // uncompressed points
        extension(extensions, 13, concat(u16(6), u16(0x0401), u16(0x0804), u16(0x0501))); // RSA SHA-256, PSS, SHA-384
        u16(hello, extensions.size());
        hello.writeBytes(extensions.toByteArray());
        byte[] body = hello.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(22); // handshake
        u16(record, 0x0301); // the record version clients use for their first hello
        u16(record, body.length + 4);
        record.write(1); // client_hello
        record.write(0);
        u16(record, body.length);
        record.writeBytes(body);
        return record.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        u16(out, type);
        u16(out, data.length);
        out.writeBytes(data);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.writeBytes(u16(value));
    }

    private static byte[] u16(int value) {
        return new byte[] {(byte) (value >> 8), (byte) value};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static SSLContext trustAll() {
        return io.gctls.probe.AcceptAnyCertificate.context();
    }

    private static String read(String fixture) throws IOException {
        return Files.readString(FIXTURES.resolve(fixture), StandardCharsets.US_ASCII);
    }

    private static List<X509Certificate> certificates(String fixture) throws Exception {
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(fixture))) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        }
    }

    private static String fingerprint(String fixture) throws Exception {
        return sha256(certificates(fixture).get(0));
    }

    private static String sha256(X509Certificate certificate) {
        return Fingerprints.sha256Hex(certificate);
    }
}
