package io.gctls.cert;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints certificates at test time with Bouncy Castle, for cases relative to "now" that a committed
 * fixture cannot hold without becoming a time bomb (expires-soon), and for chain shapes built on the
 * fly. Everything is issued by the committed test PKI, so fixtures/certs/pki/root-ca.pem anchors it.
 * Keys and signatures come from {@link io.gctls.sandbox.Mint}, shared with the sandbox's test PKI.
 */
public final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    /** A certificate and the key pair it certifies. */
    public record Minted(X509Certificate certificate, KeyPair keys) {

        public String certificatePem() {
            return Pem.encode(List.of(certificate));
        }

        public String keyPem() {
            return Pem.encode("PRIVATE KEY", keys.getPrivate().getEncoded());
        }
    }

    /** The issuing side of the test PKI: certificate and key. */
    public record Issuer(X509Certificate certificate, PrivateKey key) {
    }

    private TestPki() {
    }

    public static Path fixtures() {
        return Path.of(System.getProperty("gctls.projectDir", ".")).toAbsolutePath().normalize()
                .resolve("fixtures/certs");
    }

    /** The RSA intermediate of fixtures/certs/pki, issued by the root CA. */
    public static Issuer rsaIntermediate() {
        return issuer("int-rsa");
    }

    public static Issuer issuer(String name) {
        Path pki = fixtures().resolve("pki");
        try {
            X509Certificate certificate = (X509Certificate) CryptoFileReader.certificateFactory()
                    .generateCertificate(Files.newInputStream(pki.resolve(name + ".pem")));
            try (PEMParser parser = new PEMParser(new StringReader(Files.readString(pki.resolve(name + ".key"))))) {
                PrivateKey key = new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
                return new Issuer(certificate, key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A healthy P-256 server certificate for {@code dnsName}, valid from a day before {@code notAfter - days}. */
    public static Minted leaf(Issuer issuer, String dnsName, Instant notBefore, Instant notAfter) {
        return leaf(issuer, dnsName, notBefore, notAfter, KeyPurposeId.id_kp_serverAuth);
    }

    /** As {@link #leaf(Issuer, String, Instant, Instant)} with these extended key usages instead of serverAuth. */
    public static Minted leaf(Issuer issuer, String dnsName, Instant notBefore, Instant notAfter,
            KeyPurposeId... usages) {
        KeyPair keys = ecKeyPair();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    new X500Name("O=Example,CN=" + dnsName), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usages))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuer.certificate()));
            return new Minted(sign(builder, issuer), keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A P-256 server certificate with these SANs and {@code scts} embedded signed certificate
     * timestamps (dummy ones: only their count matters to the CT policy check).
     */
    public static Minted leaf(Issuer issuer, Instant notBefore, Instant notAfter, int scts, GeneralName... sans) {
        KeyPair keys = ecKeyPair();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    new X500Name("O=Example,CN=www.example.com"), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuer.certificate()));
            if (scts > 0) {
                builder.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier(Describer.SCT_LIST_OID), false,
                        new org.bouncycastle.asn1.DEROctetString(sctList(scts)));
            }
            return new Minted(sign(builder, issuer), keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS-encoded SignedCertificateTimestampList of {@code count} 10-byte dummy entries. */
    private static byte[] sctList(int count) {
        java.io.ByteArrayOutputStream list = new java.io.ByteArrayOutputStream();
        int length = count * 12;
        list.write(length >> 8);
        list.write(length & 0xFF);
        for (int i = 0; i < count; i++) {
            list.write(0);
            list.write(10);
            list.writeBytes(new byte[10]);
        }
        return list.toByteArray();
    }

    /** A leaf under the RSA intermediate that expires {@code days} after {@code now}. */
    public static Minted leafExpiringIn(Duration left, Instant now) {
        return leaf(rsaIntermediate(), "www.example.com", now.minus(Duration.ofDays(300)), now.plus(left));
    }

    /** Writes leaf.pem, leaf.key and chain.pem (the RSA intermediate) into {@code dir}. */
    public static void write(Minted leaf, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("leaf.pem"), leaf.certificatePem());
            Files.writeString(dir.resolve("leaf.key"), leaf.keyPem());
            Files.copy(fixtures().resolve("pki/int-rsa.pem"), dir.resolve("chain.pem"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same subject and key as {@code subject}'s certificate, issued (cross-signed) by {@code issuer}. */
    public static X509Certificate crossSign(Issuer subject, Issuer issuer) {
        X509Certificate original = subject.certificate();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), original.getNotBefore(), original.getNotAfter(),
                    original.getSubjectX500Principal(), original.getPublicKey())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(original.getPublicKey()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuer.certificate()));
            return sign(builder, issuer);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate sign(X509v3CertificateBuilder builder, Issuer issuer) {
        return io.gctls.sandbox.Mint.sign(builder, issuer.key());
    }

    private static KeyPair ecKeyPair() {
        return io.gctls.sandbox.Mint.ecKey();
    }
}
