package io.gctls.cert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** Small facts about certificates that several checks need. */
final class Certs {

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private Certs() {
    }

    static String sha256(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate cannot be re-encoded", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return COLON_HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        return COLON_HEX.formatHex(bytes);
    }

    /** Same DER bytes: the same certificate. */
    static boolean same(X509Certificate a, X509Certificate b) {
        return a == b || a.equals(b);
    }

    /**
     * The same entity: equal subject and public key. A root re-issued with new dates (or the copy a
     * CA ships in its bundle) is still the anchor the trust store holds.
     */
    static boolean sameEntity(X509Certificate a, X509Certificate b) {
        return same(a, b) || (a.getSubjectX500Principal().equals(b.getSubjectX500Principal())
                && Arrays.equals(a.getPublicKey().getEncoded(), b.getPublicKey().getEncoded()));
    }

    static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    /** Self-issued and its signature verifies with its own key. */
    static boolean selfSigned(X509Certificate certificate) {
        return selfIssued(certificate) && verifies(certificate, certificate.getPublicKey());
    }

    static boolean verifies(X509Certificate certificate, PublicKey issuerKey) {
        try {
            certificate.verify(issuerKey);
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static boolean isCa(X509Certificate certificate) {
        return certificate.getBasicConstraints() >= 0;
    }

    /**
     * Could {@code issuer} have issued {@code child}? The names must match, and when both carry key
     * identifiers (AKI in the child, SKI in the issuer) those must match too. The signature is
     * checked separately: a broken signature must be reported as such, not as a missing issuer.
     */
    static boolean namesIssuer(X509Certificate child, X509Certificate issuer) {
        if (!child.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        byte[] authorityKeyId = authorityKeyId(child);
        byte[] subjectKeyId = subjectKeyId(issuer);
        return authorityKeyId == null || subjectKeyId == null || Arrays.equals(authorityKeyId, subjectKeyId);
    }

    static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (value == null) {
            return null;
        }
        try {
            return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets())
                    .getKeyIdentifier();
        } catch (RuntimeException e) {
            return null; // a malformed identifier is ignored rather than trusted
        }
    }

    static byte[] authorityKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (value == null) {
            return null;
        }
        try {
            return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets())
                    .getKeyIdentifierOctets();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** How findings name a certificate: its subject CN, or its whole subject when it has no CN. */
    static String label(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        try {
            LdapName name = new LdapName(subject);
            for (int i = name.size() - 1; i >= 0; i--) {
                Rdn rdn = name.getRdn(i);
                if (rdn.getType().toUpperCase(Locale.ROOT).equals("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            // fall through to the whole subject
        }
        return subject.isEmpty() ? "(empty subject)" : subject;
    }

    static String quoted(X509Certificate certificate) {
        return "'" + label(certificate) + "'";
    }
}
