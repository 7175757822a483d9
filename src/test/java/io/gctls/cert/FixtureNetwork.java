package io.gctls.cert;

import io.gctls.core.Cancellation;
import io.gctls.sandbox.OcspResponder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The network the fixtures name, served from fixtures/certs without a socket: CA Issuers at
 * {@code http://aia.gctls.test/NAME} (aia/served/NAME), the CRL at {@code http://crl.gctls.test/rev-int.crl},
 * an OCSP responder for rev-int at {@code http://ocsp.gctls.test/} that answers from that CRL, and
 * {@code http://ocsp-down.gctls.test/} refusing connections. Anything else is refused too, so a test
 * can never reach a real host. Every request is recorded.
 */
public final class FixtureNetwork implements Network {

    public final List<String> requests = new ArrayList<>();
    private final OcspResponder responder;

    public FixtureNetwork(Clock clock) {
        try {
            X509Certificate issuer = load("pki/rev-int.pem");
            X509CRL crl = (X509CRL) CryptoFileReader.certificateFactory().generateCRL(new ByteArrayInputStream(
                    Files.readAllBytes(Fixtures.file("revocation/rev-int.crl"))));
            this.responder = new OcspResponder(issuer, issuer, key("pki/rev-int.key"), serial -> status(crl, serial),
                    clock);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OcspResponder.Status status(X509CRL crl, BigInteger serial) {
        X509CRLEntry entry = crl.getRevokedCertificate(serial);
        if (entry == null) {
            return OcspResponder.Status.GOOD;
        }
        int reason = entry.getRevocationReason() == null ? 0 : entry.getRevocationReason().ordinal();
        return new OcspResponder.Status.Revoked(entry.getRevocationDate().toInstant(), reason);
    }

    @Override
    public Response get(URI uri, int maxBytes, Cancellation cancellation) throws IOException {
        requests.add("GET " + uri);
        if ("aia.gctls.test".equals(uri.getHost())) {
            Path file = Fixtures.file("aia/served").resolve(uri.getPath().substring(1));
            return Files.isRegularFile(file) ? new Response(200, "application/pkix-cert", Files.readAllBytes(file))
                    : new Response(404, "text/plain", "not found".getBytes());
        }
        if (uri.toString().equals("http://crl.gctls.test/rev-int.crl")) {
            return new Response(200, "application/pkix-crl", Files.readAllBytes(Fixtures.file("revocation/rev-int.crl")));
        }
        throw new IOException("connection refused");
    }

    @Override
    public Response post(URI uri, String contentType, byte[] body, int maxBytes, Cancellation cancellation)
            throws IOException {
        requests.add("POST " + uri);
        if (uri.toString().equals("http://ocsp.gctls.test/")) {
            return new Response(200, "application/ocsp-response", responder.respond(body));
        }
        throw new IOException("connection refused");
    }

    static X509Certificate load(String relative) throws IOException, java.security.cert.CertificateException {
        return (X509Certificate) CryptoFileReader.certificateFactory()
                .generateCertificate(Files.newInputStream(Fixtures.file(relative)));
    }

    static PrivateKey key(String relative) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(Fixtures.file(relative))))) {
            Object object = parser.readObject();
            PrivateKeyInfo info = object instanceof org.bouncycastle.openssl.PEMKeyPair pair ? pair.getPrivateKeyInfo()
                    : (PrivateKeyInfo) object;
            return new JcaPEMKeyConverter().getPrivateKey(info);
        }
    }
}
