package io.gctls.sandbox;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * The test PKI a seeded sandbox uses: a root, an intermediate under it, and EC P-256 leaves under
 * the intermediate with the extensions a web server certificate carries (SAN, serverAuth, digital
 * signature), so that {@code cert inspect} with the root as {@code --trust} judges them ok. Made
 * fresh for each seed; nothing here is secret beyond the sandbox.
 */
final class SeedPki {

    /** A certificate and its key pair. */
    record Issued(X509Certificate certificate, KeyPair keyPair) {

        String certificatePem() {
            return Mint.pem(certificate);
        }

        /** The key as PKCS#8 PEM. */
        String keyPem() {
            return Mint.pkcs8(keyPair.getPrivate());
        }
    }

    private final JcaX509ExtensionUtils extensions;
    final Issued root;
    final Issued intermediate;

    SeedPki(Instant now, String name) {
        try {
            extensions = new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-1 for key identifiers", e);
        }
        KeyPair rootKey = Mint.ecKey();
        root = ca(new X500Name("CN=" + name + " root"), rootKey, new X500Name("CN=" + name + " root"), rootKey, now,
                Duration.ofDays(7300));
        KeyPair intermediateKey = Mint.ecKey();
        intermediate = ca(new X500Name("CN=" + name + " intermediate"), intermediateKey, root, now,
                Duration.ofDays(3650));
    }

    /** A leaf for {@code domain} valid from {@code notBefore} to {@code notAfter}, under the intermediate. */
    Issued leaf(String domain, Instant notBefore, Instant notAfter) {
        KeyPair key = Mint.ecKey();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(intermediate.certificate(), Mint.serial(),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + domain), key.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, domain)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(key.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(intermediate.certificate()));
            return new Issued(Mint.sign(builder, intermediate.keyPair().getPrivate()), key);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a seed certificate for " + domain, e);
        }
    }

    private Issued ca(X500Name subject, KeyPair key, Issued issuer, Instant now, Duration validity) {
        return ca(subject, key, X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                issuer.keyPair(), now, validity);
    }

    private Issued ca(X500Name subject, KeyPair key, X500Name issuer, KeyPair issuerKey, Instant now,
            Duration validity) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, Mint.serial(),
                    Date.from(now.minus(Duration.ofDays(2))), Date.from(now.plus(validity)), subject, key.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(key.getPublic()));
            return new Issued(Mint.sign(builder, issuerKey.getPrivate()), key);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the seed CA", e);
        }
    }

}
