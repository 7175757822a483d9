package io.gctls.sandbox;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.asn1.x509.CRLReason;

/**
 * The sandbox's own test PKI, so that chain repair and revocation can be tried offline: a root and
 * an intermediate made when first needed, and leaves whose CA Issuers URL points at the sandbox's
 * {@code /pki/intermediate.der} and whose OCSP URL at its {@code /ocsp}, answered by an
 * {@link OcspResponder} that knows what {@code sandbox revoke} revoked. Nothing here is secret: the
 * sandbox's keys open nothing real.
 */
public final class SandboxPki {

    /** A leaf the sandbox issued, with its key and the CA certificates, as PEM. */
    public record Issued(String domain, String certificatePem, String keyPem, String intermediatePem, String rootPem,
            BigInteger serial) {
        @Override
        public String toString() {
            return "Issued[" + domain + ", serial " + serial.toString(16) + "]"; // never the key
        }
    }

    private record Authority(X509Certificate certificate, KeyPair keys) {
    }

    private final Clock clock;
    private final Map<BigInteger, OcspResponder.Status> revoked = new ConcurrentHashMap<>();
    private volatile String baseUrl = "http://127.0.0.1";
    private Authority root;
    private Authority intermediate;

    SandboxPki(Clock clock) {
        this.clock = clock;
    }

    /** Where the sandbox listens, for the URLs in the certificates issued from now on. */
    void baseUrl(String url) {
        this.baseUrl = url;
    }

    String caIssuersUrl() {
        return baseUrl + "/pki/intermediate.der";
    }

    String ocspUrl() {
        return baseUrl + "/ocsp";
    }

    public synchronized X509Certificate root() {
        authorities();
        return root.certificate();
    }

    public synchronized X509Certificate intermediate() {
        authorities();
        return intermediate.certificate();
    }

    /** A server certificate for {@code domain}, valid for 90 days from a day ago, with AIA and OCSP URLs. */
    public synchronized Issued issue(String domain) {
        authorities();
        KeyPair keys = Mint.ecKey();
        Instant now = clock.instant();
        BigInteger serial = Mint.serial();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(intermediate.certificate(), serial,
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(89))),
                    new X500Name("CN=" + domain), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, domain)))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(intermediate.certificate()))
                    .addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                            new AccessDescription[] {
                                new AccessDescription(X509ObjectIdentifiers.id_ad_ocsp,
                                        new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl())),
                                new AccessDescription(X509ObjectIdentifiers.id_ad_caIssuers,
                                        new GeneralName(GeneralName.uniformResourceIdentifier, caIssuersUrl()))}));
            X509Certificate leaf = Mint.sign(builder, intermediate.keys().getPrivate());
            return new Issued(domain, Mint.pem(leaf), Mint.pkcs8(keys.getPrivate()), Mint.pem(intermediate.certificate()),
                    Mint.pem(root.certificate()), serial);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot issue a sandbox certificate", e);
        }
    }

    /** Whether the sandbox's intermediate issued this certificate (only those can be revoked here). */
    public synchronized boolean issued(X509Certificate certificate) {
        if (intermediate == null) {
            return false;
        }
        try {
            certificate.verify(intermediate.certificate().getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    /** From now on OCSP answers "revoked (keyCompromise)" for this serial. */
    void revoke(BigInteger serial) {
        revoked.put(serial, new OcspResponder.Status.Revoked(clock.instant(), CRLReason.keyCompromise));
    }

    void clearRevocations() {
        revoked.clear();
    }

    synchronized OcspResponder responder() {
        authorities();
        return new OcspResponder(intermediate.certificate(), intermediate.certificate(),
                intermediate.keys().getPrivate(), serial -> revoked.getOrDefault(serial, OcspResponder.Status.GOOD),
                clock);
    }

    /** DER of a CA certificate by name ({@code root} or {@code intermediate}), as its CA Issuers URL serves it. */
    synchronized Optional<byte[]> der(String name) {
        authorities();
        X509Certificate certificate = switch (name) {
            case "root" -> root.certificate();
            case "intermediate" -> intermediate.certificate();
            default -> null;
        };
        try {
            return certificate == null ? Optional.empty() : Optional.of(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void authorities() {
        if (root != null) {
            return;
        }
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            KeyPair rootKeys = Mint.ecKey();
            X500Name rootName = new X500Name("O=gctls sandbox,CN=gctls Sandbox Root CA");
            X509v3CertificateBuilder rootBuilder = new JcaX509v3CertificateBuilder(rootName, Mint.serial(),
                    Date.from(now.minus(Duration.ofDays(2))), Date.from(now.plus(Duration.ofDays(3650))), rootName,
                    rootKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(rootKeys.getPublic()));
            root = new Authority(Mint.sign(rootBuilder, rootKeys.getPrivate()), rootKeys);
            KeyPair intermediateKeys = Mint.ecKey();
            X509v3CertificateBuilder intermediateBuilder = new JcaX509v3CertificateBuilder(root.certificate(),
                    Mint.serial(), Date.from(now.minus(Duration.ofDays(2))), Date.from(now.plus(Duration.ofDays(1825))),
                    new X500Name("O=gctls sandbox,CN=gctls Sandbox Intermediate CA"), intermediateKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign
                            | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(intermediateKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(root.certificate()));
            intermediate = new Authority(Mint.sign(intermediateBuilder, rootKeys.getPrivate()), intermediateKeys);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot make the sandbox's CA", e);
        }
    }
}
