package io.gctls.sandbox;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The server side's own, deliberately small look at what a client uploads: does the certificate
 * parse, does the key parse and belong to it, is it valid now. Independent of gctls's client-side
 * checks (io.gctls.cert) on purpose: the emulator is a second opinion, like the real service.
 * Bouncy Castle does all the PEM and ASN.1 work.
 */
final class CertificateCheck {

    /** A problem with one request field, as it lands in a Genesys error's {@code details[]}. */
    record Problem(String fieldName, String errorCode, String message) {
    }

    /** Thrown when a PEM field cannot be used; carries the one problem. */
    static final class Refused extends Exception {
        private final transient Problem problem;

        Refused(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    /** One certificate read from a PEM field. */
    record Parsed(X509CertificateHolder holder) {
        Instant notBefore() {
            return holder.getNotBefore().toInstant();
        }

        Instant notAfter() {
            return holder.getNotAfter().toInstant();
        }

        String subject() {
            return holder.getSubject().toString();
        }

        String issuer() {
            return holder.getIssuer().toString();
        }

        /** SHA-256 of the DER encoding, lower-case hex without separators. */
        String fingerprint() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(holder.getEncoded()));
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot fingerprint a certificate that parsed", e);
            }
        }
    }

    private static final byte[] PROBE = "gctls sandbox key match probe".getBytes(StandardCharsets.US_ASCII);

    private CertificateCheck() {
    }

    /** A private BC provider instance: never registered globally, so it cannot change anyone else's JCA. */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    /** Every certificate of a PEM field, in order; refused when there is none or something else is in it. */
    static List<Parsed> certificates(String pem, String fieldName) throws Refused {
        List<Parsed> certificates = new ArrayList<>();
        for (Object object : pemObjects(pem, fieldName)) {
            if (object instanceof X509CertificateHolder holder) {
                certificates.add(new Parsed(holder));
            } else {
                throw refused(fieldName, "INVALID_CERTIFICATE",
                        fieldName + " holds " + describe(object) + " where a CERTIFICATE block belongs");
            }
        }
        if (certificates.isEmpty()) {
            throw refused(fieldName, "INVALID_CERTIFICATE",
                    fieldName + " does not parse as a PEM certificate (no -----BEGIN CERTIFICATE----- block)");
        }
        return certificates;
    }

    /** The one unencrypted private key of a PEM field. */
    static PrivateKey privateKey(String pem) throws Refused {
        List<Object> objects = pemObjects(pem, "privateKey");
        if (objects.isEmpty()) {
            throw refused("privateKey", "INVALID_PRIVATE_KEY",
                    "privateKey does not parse as a PEM private key (no -----BEGIN ... PRIVATE KEY----- block)");
        }
        if (objects.size() > 1) {
            throw refused("privateKey", "INVALID_PRIVATE_KEY", "privateKey holds " + objects.size()
                    + " PEM blocks; send exactly one private key");
        }
        Object object = objects.get(0);
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(Bc.PROVIDER);
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw refused("privateKey", "INVALID_PRIVATE_KEY", "privateKey does not parse: " + oneLine(e));
        }
        if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
            throw refused("privateKey", "ENCRYPTED_PRIVATE_KEY",
                    "privateKey is encrypted; the service needs the decrypted key");
        }
        throw refused("privateKey", "INVALID_PRIVATE_KEY",
                "privateKey holds " + describe(object) + " where a PRIVATE KEY block belongs");
    }

    /**
     * Whether the private key is the other half of the certificate's public key: sign a probe
     * with the key and verify it with the certificate's key, which works the same for RSA, EC and
     * EdDSA and needs no per-algorithm arithmetic.
     */
    static boolean matches(PrivateKey key, Parsed certificate) {
        try {
            PublicKey publicKey = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER)
                    .getCertificate(certificate.holder()).getPublicKey();
            String algorithm = signatureAlgorithm(key);
            Signature signer = Signature.getInstance(algorithm, Bc.PROVIDER);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, Bc.PROVIDER);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A key of another algorithm than the certificate's cannot verify: that is a mismatch.
            return false;
        }
    }

    /** Whether some certificate among {@code candidates} (or the certificate itself) signed it. */
    static boolean signatureValid(Parsed certificate, List<Parsed> candidates) {
        List<Parsed> issuers = new ArrayList<>();
        for (Parsed candidate : candidates) {
            if (candidate.holder().getSubject().equals(certificate.holder().getIssuer())) {
                issuers.add(candidate);
            }
        }
        for (Parsed issuer : issuers) {
            try {
                if (certificate.holder().isSignatureValid(
                        new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(issuer.holder()))) {
                    return true;
                }
            } catch (Exception e) {
                // An unusable issuer key is just not a valid signer; try the next candidate.
            }
        }
        return false;
    }

    private static String signatureAlgorithm(PrivateKey key) {
        String algorithm = key.getAlgorithm().toUpperCase(Locale.ROOT);
        return switch (algorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448 and EdDSA name their own signature
        };
    }

    private static List<Object> pemObjects(String pem, String fieldName) throws Refused {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw refused(fieldName, fieldName.equals("privateKey") ? "INVALID_PRIVATE_KEY" : "INVALID_CERTIFICATE",
                    fieldName + " does not parse: " + oneLine(e));
        }
        return objects;
    }

    private static String describe(Object object) {
        if (object instanceof X509CertificateHolder) {
            return "a certificate";
        }
        if (object instanceof PEMKeyPair || object instanceof PrivateKeyInfo
                || object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
            return "a private key";
        }
        if (object instanceof SubjectPublicKeyInfo) {
            return "a public key";
        }
        if (object instanceof org.bouncycastle.pkcs.PKCS10CertificationRequest) {
            return "a certificate signing request";
        }
        if (object instanceof org.bouncycastle.cert.X509CRLHolder) {
            return "a certificate revocation list";
        }
        if (object instanceof org.bouncycastle.asn1.cms.ContentInfo) {
            return "a PKCS#7 bundle";
        }
        return "a PEM block of another kind"; // never a Java class name: the API's users read this
    }

    private static Refused refused(String fieldName, String errorCode, String message) {
        return new Refused(new Problem(fieldName, errorCode, message));
    }

    /** A parser's message without the PEM text it may quote: never echo key material. */
    private static String oneLine(Exception e) {
        String message = Optional.ofNullable(e.getMessage()).orElse("the parser gave no reason");
        message = message.lines().findFirst().orElse("").strip();
        // BC wraps some failures around a NullPointerException whose text is about its internals.
        int internals = message.indexOf(": Cannot invoke");
        if (internals > 0) {
            message = message.substring(0, internals);
        }
        // ...and quotes nested exceptions by class name, which says nothing to the user.
        message = message.replaceAll("\\b(?:[a-z][a-z0-9]*\\.)+[A-Z]\\w*(?:Exception|Error): ", "");
        return message.length() > 120 ? message.substring(0, 120) + "..." : message;
    }
}
