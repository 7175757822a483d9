package io.gctls.sandbox;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made at test time: a CA and leaves signed by it, valid around a chosen instant. Keys and
 * signatures come from {@link Mint}, the code the sandbox and cert/TestPki mint with too.
 */
final class TestPki {

    /** A certificate with its key, as PEM. */
    record Issued(X509Certificate certificate, KeyPair keyPair) {
        String certificatePem() {
            return pem(certificate);
        }

        /** PKCS#8 ({@code PRIVATE KEY}). */
        String keyPem() {
            return pkcs8(keyPair.getPrivate());
        }

        /** The traditional OpenSSL form: PKCS#1 for RSA, SEC1 ({@code EC PRIVATE KEY}) for EC. */
        String traditionalKeyPem() {
            return pem(keyPair.getPrivate());
        }

        String fingerprint() {
            return io.gctls.cert.Fingerprints.sha256Hex(certificate);
        }
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    final Issued ca;

    TestPki(Instant now) {
        this.ca = selfSignedCa("gctls sandbox test CA", now);
    }

    static KeyPair ecKey() {
        return Mint.ecKey();
    }

    static KeyPair rsaKey() {
        return Mint.rsaKey();
    }

    /** A leaf for {@code domain}, valid from a day before {@code now} for ten years. */
    Issued leaf(String domain, Instant now) {
        return leaf(domain, ecKey(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
    }

    Issued leaf(String domain, KeyPair keyPair, Instant notBefore, Instant notAfter) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    new X500Name("CN=gctls sandbox test CA"), BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + domain), keyPair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, domain)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            return new Issued(sign(builder, ca.keyPair()), keyPair);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Issued selfSignedCa(String name, Instant now) {
        KeyPair keyPair = ecKey();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofDays(2))),
                    Date.from(now.plus(Duration.ofDays(7300))), new X500Name("CN=" + name), keyPair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            return new Issued(sign(builder, keyPair), keyPair);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer) {
        return Mint.sign(builder, signer.getPrivate());
    }

    static String pkcs8(java.security.PrivateKey key) {
        return Mint.pkcs8(key);
    }

    /**
     * An EC key made by Bouncy Castle, whose encoding keeps the curve inside the key structure, so
     * its SEC1 form is complete (the JDK's SEC1 via BC would lack the curve).
     */
    static KeyPair bcEcKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC",
                    new org.bouncycastle.jce.provider.BouncyCastleProvider());
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(Object object) {
        return Mint.pem(object);
    }
}
