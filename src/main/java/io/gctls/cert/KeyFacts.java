package io.gctls.cert;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
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

    /** Does the private key belong to the certificate? Compares key material, not encodings. */
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
