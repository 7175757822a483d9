package io.gctls.cert;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;

/** The per-certificate details {@code cert inspect} shows (docs/findings.md "What `cert inspect` shows"), extensions parsed by Bouncy Castle. */
final class Describer {

    /** RFC 6962: the X.509v3 extension that carries embedded SCTs. */
    static final String SCT_LIST_OID = "1.3.6.1.4.1.11129.2.4.2";

    private static final String[] SAN_TYPES = {"other", "email", "DNS", "X400", "DirName", "EDI", "URI", "IP", "RID"};

    private Describer() {
    }

    static CertificateDetails describe(X509Certificate certificate, int index, String role, String source,
            Instant now, String revocation) {
        KeyFacts.KeyType key = KeyFacts.of(certificate);
        List<String> ocsp = new ArrayList<>();
        List<String> caIssuers = new ArrayList<>();
        authorityInformationAccess(certificate, ocsp, caIssuers);
        return new CertificateDetails(index, role, source, name(certificate.getSubjectX500Principal()),
                name(certificate.getIssuerX500Principal()), Certs.hex(serial(certificate)), sans(certificate),
                certificate.getNotBefore().toInstant().toString(), certificate.getNotAfter().toInstant().toString(),
                daysLeft(certificate, now), key.curve() == null ? key.type() : key.type() + " " + key.curve(),
                key.size(), signatureAlgorithm(certificate), Certs.sha256(certificate), ocsp, caIssuers,
                crlDistributionPoints(certificate), certificate.getExtensionValue(SCT_LIST_OID) != null,
                Certs.isCa(certificate), Certs.selfSigned(certificate), revocation);
    }

    /** The http URLs of a list: ldap and others are not fetched (RFC 5280 and 6960 name http). */
    static List<String> httpOnly(List<String> urls) {
        return urls.stream().filter(u -> u.toLowerCase(java.util.Locale.ROOT).startsWith("http://")).toList();
    }

    static List<String> ocspUrls(X509Certificate certificate) {
        List<String> ocsp = new ArrayList<>();
        authorityInformationAccess(certificate, ocsp, new ArrayList<>());
        return ocsp;
    }

    static List<String> caIssuersUrls(X509Certificate certificate) {
        List<String> caIssuers = new ArrayList<>();
        authorityInformationAccess(certificate, new ArrayList<>(), caIssuers);
        return caIssuers;
    }

    static List<String> crlUrls(X509Certificate certificate) {
        return crlDistributionPoints(certificate);
    }

    /** Whole days from now to notAfter, rounded down; negative once expired. */
    static long daysLeft(X509Certificate certificate, Instant now) {
        Duration left = Duration.between(now, certificate.getNotAfter().toInstant());
        return left.isNegative() ? -Duration.between(certificate.getNotAfter().toInstant(), now).toDays() - 1
                : left.toDays();
    }

    static String name(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253);
    }

    static String signatureAlgorithm(X509Certificate certificate) {
        String name = certificate.getSigAlgName();
        return name == null || name.isBlank() ? certificate.getSigAlgOID() : name;
    }

    private static byte[] serial(X509Certificate certificate) {
        byte[] bytes = certificate.getSerialNumber().toByteArray();
        // drop the sign byte DER adds to positive serials with the top bit set
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static List<String> sans(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        for (List<?> entry : HostnameMatcher.subjectAltNames(certificate)) {
            if (entry.size() >= 2 && entry.get(0) instanceof Integer type) {
                String kind = type >= 0 && type < SAN_TYPES.length ? SAN_TYPES[type] : String.valueOf(type);
                names.add(kind + ":" + (entry.get(1) instanceof String value ? value : "(binary)"));
            }
        }
        return names;
    }

    private static ASN1Primitive extension(X509Certificate certificate, String oid) {
        byte[] value = certificate.getExtensionValue(oid);
        if (value == null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets());
        } catch (java.io.IOException | RuntimeException e) {
            return null; // a malformed informational extension is shown as absent
        }
    }

    private static void authorityInformationAccess(X509Certificate certificate, List<String> ocsp,
            List<String> caIssuers) {
        ASN1Primitive value = extension(certificate, Extension.authorityInfoAccess.getId());
        if (value == null) {
            return;
        }
        try {
            for (AccessDescription description : AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
                String location = uri(description.getAccessLocation());
                if (location == null) {
                    continue;
                }
                if (X509ObjectIdentifiers.id_ad_ocsp.equals(description.getAccessMethod())) {
                    ocsp.add(location);
                } else if (X509ObjectIdentifiers.id_ad_caIssuers.equals(description.getAccessMethod())) {
                    caIssuers.add(location);
                }
            }
        } catch (RuntimeException e) {
            // malformed AIA: nothing to show
        }
    }

    private static List<String> crlDistributionPoints(X509Certificate certificate) {
        List<String> points = new ArrayList<>();
        ASN1Primitive value = extension(certificate, Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return points;
        }
        try {
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        String location = uri(general);
                        if (location != null) {
                            points.add(location);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // malformed CRL DP: nothing to show
        }
        return points;
    }

    private static String uri(GeneralName name) {
        return name.getTagNo() == GeneralName.uniformResourceIdentifier ? name.getName().toString() : null;
    }
}
