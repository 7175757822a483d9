package io.gctls.cert;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Facts about keys, from Bouncy Castle's lightweight key parameters rather than the JDK's key
 * classes: those work for every curve (the JDK dropped P-224 and others from SunEC), need no JCA
 * provider, and let a private key's public half be derived exactly (RSA modulus, EC point d*G,
 * Ed25519 public key) instead of guessing from a trial signature.
 */
final class KeyFacts {

    /** Type and size of a public key: {@code RSA 2048}, {@code EC 256 (P-256)}, {@code Ed25519 256}. */
    record KeyType(String type, int size, String curve) {
        String describe() {
            return curve == null ? type + " " + size : type + " " + curve;
        }
    }

    private KeyFacts() {
    }

    static SubjectPublicKeyInfo publicKeyInfo(X509Certificate certificate) {
        return SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
    }

    /**
     * A certificate's key type and size. The JDK's key object answers for the usual types without any
     * arithmetic; Bouncy Castle's parser validates an EC point with a full scalar multiplication, which
     * costs tens of milliseconds in a cold JVM, so it is only the fallback (curves the JDK dropped).
     */
    static KeyType of(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            return new KeyType("RSA", rsa.getModulus().bitLength(), null);
        }
        if (key instanceof ECPublicKey ec) {
            return new KeyType("EC", ec.getParams().getCurve().getField().getFieldSize(),
                    curveName(curveOid(SubjectPublicKeyInfo.getInstance(key.getEncoded()))));
        }
        if (key instanceof EdECPublicKey ed) {
            String name = ed.getParams().getName();
            return new KeyType(name, name.equalsIgnoreCase("Ed448") ? 448 : 256, null);
        }
        if (key instanceof DSAPublicKey dsa && dsa.getParams() != null) {
            return new KeyType("DSA", dsa.getParams().getP().bitLength(), null);
        }
        return of(publicKeyInfo(certificate));
    }

    static KeyType of(SubjectPublicKeyInfo info) {
        try {
            return of(PublicKeyFactory.createKey(info), curveOid(info));
        } catch (IOException | RuntimeException e) {
            return new KeyType(info.getAlgorithm().getAlgorithm().getId(), 0, null);
        }
    }

    private static KeyType of(AsymmetricKeyParameter key, ASN1ObjectIdentifier curve) {
        if (key instanceof RSAKeyParameters rsa) {
            return new KeyType("RSA", rsa.getModulus().bitLength(), null);
        }
        if (key instanceof ECPublicKeyParameters ec) {
            return new KeyType("EC", ec.getParameters().getCurve().getFieldSize(), curveName(curve));
        }
        if (key instanceof Ed25519PublicKeyParameters) {
            return new KeyType("Ed25519", 256, null);
        }
        if (key instanceof Ed448PublicKeyParameters) {
            return new KeyType("Ed448", 448, null);
        }
        if (key instanceof DSAPublicKeyParameters dsa) {
            return new KeyType("DSA", dsa.getParameters().getP().bitLength(), null);
        }
        return new KeyType(key.getClass().getSimpleName(), 0, null);
    }

    private static ASN1ObjectIdentifier curveOid(SubjectPublicKeyInfo info) {
        return info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid ? oid : null;
    }

    private static String curveName(ASN1ObjectIdentifier oid) {
        if (oid == null) {
            return "explicit curve";
        }
        String nist = NISTNamedCurves.getName(oid);
        if (nist != null) {
            return nist;
        }
        String name = ECNamedCurveTable.getName(oid);
        return name == null ? oid.getId() : name;
    }

    /** The public half of a private key, as a SubjectPublicKeyInfo; empty for key types it cannot derive. */
    static Optional<SubjectPublicKeyInfo> publicHalf(PrivateKeyInfo privateKey) {
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(privateKey);
            AsymmetricKeyParameter publicKey = null;
            if (key instanceof RSAPrivateCrtKeyParameters rsa) {
                publicKey = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
            } else if (key instanceof ECPrivateKeyParameters ec) {
                // d*G, encoded under the private key's own algorithm identifier so a named curve stays named
                ECDomainParameters domain = ec.getParameters();
                byte[] point = domain.getG().multiply(ec.getD()).normalize().getEncoded(false);
                return Optional.of(new SubjectPublicKeyInfo(privateKey.getPrivateKeyAlgorithm(), point));
            } else if (key instanceof Ed25519PrivateKeyParameters ed) {
                publicKey = ed.generatePublicKey();
            } else if (key instanceof Ed448PrivateKeyParameters ed) {
                publicKey = ed.generatePublicKey();
            } else if (key instanceof DSAPrivateKeyParameters dsa) {
                BigInteger y = dsa.getParameters().getG().modPow(dsa.getX(), dsa.getParameters().getP());
                publicKey = new DSAPublicKeyParameters(y, dsa.getParameters());
            }
            return publicKey == null ? Optional.empty()
                    : Optional.of(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Does the private key belong to the certificate? Compares key material, not encodings: the RSA
     * modulus, the EC public point (the one the key file carries, else d*G), the Ed25519 public key.
     */
    static boolean matches(PrivateKeyInfo privateKey, PrivateKey jdkKey, X509Certificate certificate) {
        PublicKey certificateKey = certificate.getPublicKey();
        if (jdkKey instanceof RSAPrivateCrtKey rsa && certificateKey instanceof RSAPublicKey publicKey) {
            return rsa.getModulus().equals(publicKey.getModulus())
                    && rsa.getPublicExponent().equals(publicKey.getPublicExponent());
        }
        Optional<byte[]> embeddedPoint = embeddedEcPoint(privateKey);
        if (embeddedPoint.isPresent()) {
            SubjectPublicKeyInfo spki = publicKeyInfo(certificate);
            if (spki.getAlgorithm().equals(privateKey.getPrivateKeyAlgorithm())
                    && Arrays.equals(embeddedPoint.get(), spki.getPublicKeyData().getBytes())) {
                return true; // the file's own copy of the public point is the certificate's
            }
        }
        return matches(privateKey, certificate);
    }

    /** The public point a SEC1 structure may carry beside the private scalar (openssl always writes it). */
    private static Optional<byte[]> embeddedEcPoint(PrivateKeyInfo privateKey) {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(privateKey.getPrivateKeyAlgorithm().getAlgorithm())) {
            return Optional.empty();
        }
        try {
            ECPrivateKey sec1 = ECPrivateKey.getInstance(privateKey.parsePrivateKey());
            return sec1.getPublicKey() == null ? Optional.empty() : Optional.of(sec1.getPublicKey().getBytes());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Does the private key belong to the certificate? Derives the public half with Bouncy Castle. */
    static boolean matches(PrivateKeyInfo privateKey, X509Certificate certificate) {
        Optional<SubjectPublicKeyInfo> derived = publicHalf(privateKey);
        if (derived.isEmpty()) {
            return false;
        }
        try {
            return sameKey(PublicKeyFactory.createKey(derived.get()),
                    PublicKeyFactory.createKey(publicKeyInfo(certificate)));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean sameKey(AsymmetricKeyParameter a, AsymmetricKeyParameter b) {
        if (a instanceof RSAKeyParameters x && b instanceof RSAKeyParameters y) {
            return x.getModulus().equals(y.getModulus()) && x.getExponent().equals(y.getExponent());
        }
        if (a instanceof ECPublicKeyParameters x && b instanceof ECPublicKeyParameters y) {
            return x.getParameters().getCurve().equals(y.getParameters().getCurve())
                    && x.getQ().normalize().equals(y.getQ().normalize());
        }
        if (a instanceof Ed25519PublicKeyParameters x && b instanceof Ed25519PublicKeyParameters y) {
            return Arrays.equals(x.getEncoded(), y.getEncoded());
        }
        if (a instanceof Ed448PublicKeyParameters x && b instanceof Ed448PublicKeyParameters y) {
            return Arrays.equals(x.getEncoded(), y.getEncoded());
        }
        if (a instanceof DSAPublicKeyParameters x && b instanceof DSAPublicKeyParameters y) {
            return x.getY().equals(y.getY()) && x.getParameters().equals(y.getParameters());
        }
        return false;
    }

    /** Type, size and public-half fingerprint of a key known to belong to {@code certificate}. */
    static KeySummary summary(X509Certificate certificate) {
        KeyType type = of(certificate);
        return new KeySummary(type.curve() == null ? type.type() : type.type() + " " + type.curve(), type.size(),
                Certs.sha256(certificate.getPublicKey().getEncoded()));
    }

    /** Type, size and public-half fingerprint of a private key: what may be shown instead of it. */
    static Optional<KeySummary> summary(PrivateKeyInfo privateKey) {
        return publicHalf(privateKey).map(spki -> {
            KeyType type = of(spki);
            try {
                return new KeySummary(type.curve() == null ? type.type() : type.type() + " " + type.curve(),
                        type.size(), Certs.sha256(spki.getEncoded()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
