package io.gctls.cert;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;

/** The checks that look at one certificate at a time (docs/findings.md). */
final class CertificateChecks {

    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;

    private CertificateChecks() {
    }

    // -------------------------------------------------------------- any served certificate

    static Optional<Finding> validity(X509Certificate certificate, Instant now, boolean leaf) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        String what = leaf ? "the leaf " : "";
        if (now.isAfter(notAfter)) {
            return Optional.of(Finding.of(CheckCode.EXPIRED, "", certificate, Map.of("what", what, "notAfter",
                    date(notAfter), "days", String.valueOf(Duration.between(notAfter, now).toDays()))));
        }
        if (now.isBefore(notBefore)) {
            return Optional.of(Finding.of(CheckCode.NOT_YET_VALID, "", certificate, Map.of("what", what,
                    "notBefore", date(notBefore))));
        }
        return Optional.empty();
    }

    static Optional<Finding> expiresSoon(X509Certificate leaf, Instant now, int warnDays) {
        Instant notAfter = leaf.getNotAfter().toInstant();
        if (now.isAfter(notAfter) || now.isBefore(leaf.getNotBefore().toInstant())) {
            return Optional.empty();
        }
        long days = Duration.between(now, notAfter).toDays();
        if (days >= warnDays) {
            return Optional.empty();
        }
        String when = days == 0 ? "within a day" : "in " + days + (days == 1 ? " day" : " days");
        return Optional.of(Finding.of(CheckCode.EXPIRES_SOON, "", leaf, Map.of("when", when, "notAfter",
                date(notAfter), "warnDays", String.valueOf(warnDays), "daysLeft", String.valueOf(days))));
    }

    static Optional<Finding> weakKey(X509Certificate certificate) {
        KeyFacts.KeyType key = KeyFacts.of(certificate);
        int minimum = switch (key.type()) {
            case "RSA", "DSA" -> 2048;
            case "EC" -> 256;
            default -> 0;
        };
        if (key.size() > 0 && key.size() < minimum) {
            return Optional.of(Finding.of(CheckCode.WEAK_KEY, "", certificate, Map.of("size",
                    String.valueOf(key.size()), "type", key.type(), "curve", key.curve() == null ? ""
                            : " (" + key.curve() + ")", "minimum", String.valueOf(minimum))));
        }
        return Optional.empty();
    }

    static Optional<Finding> weakSignature(X509Certificate certificate) {
        String digest = weakDigest(certificate);
        if (digest == null) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(CheckCode.WEAK_SIGNATURE, "", certificate, Map.of("digest", digest,
                "algorithm", Describer.signatureAlgorithm(certificate))));
    }

    /** MD2, MD5 or SHA-1 as the signature's digest, including RSASSA-PSS with SHA-1; null otherwise. */
    static String weakDigest(X509Certificate certificate) {
        String oid = certificate.getSigAlgOID();
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.getId().equals(oid)) {
            try {
                ASN1ObjectIdentifier hash = RSASSAPSSparams.getInstance(certificate.getSigAlgParams())
                        .getHashAlgorithm().getAlgorithm();
                return OIWObjectIdentifiers.idSHA1.equals(hash) ? "SHA-1" : null;
            } catch (RuntimeException e) {
                return null;
            }
        }
        String name = Describer.signatureAlgorithm(certificate).toUpperCase(Locale.ROOT);
        if (name.startsWith("MD5") || name.contains("MD5WITH")) {
            return "MD5";
        }
        if (name.startsWith("MD2")) {
            return "MD2";
        }
        if (name.startsWith("SHA1WITH") || name.equals("SHA1") || name.contains("WITHSHA1")) {
            return "SHA-1";
        }
        return null;
    }

    // ---------------------------------------------------------------------------- the leaf

    static Optional<Finding> leafIsCa(X509Certificate leaf) {
        if (!Certs.isCa(leaf)) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(CheckCode.LEAF_IS_CA, "", leaf, Map.of()));
    }

    static Optional<Finding> extendedKeyUsage(X509Certificate leaf) {
        List<String> usages;
        try {
            usages = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return Optional.of(Finding.of(CheckCode.NO_SERVER_AUTH_EKU, "malformed", leaf, Map.of()));
        }
        if (usages == null) {
            return Optional.of(Finding.of(CheckCode.NO_EKU, "", leaf, Map.of()));
        }
        if (usages.contains(SERVER_AUTH)) {
            return Optional.empty();
        }
        if (usages.contains(ANY_EXTENDED_KEY_USAGE)) {
            // RFC 5280 lets anyExtendedKeyUsage stand for every purpose, but docs/findings.md wants serverAuth
            // itself, as the CA/Browser Forum does for server certificates (and forbids anyEKU in them)
            return Optional.of(Finding.of(CheckCode.NO_SERVER_AUTH_EKU, "any", leaf, Map.of()));
        }
        return Optional.of(Finding.of(CheckCode.NO_SERVER_AUTH_EKU, "", leaf, Map.of("usages",
                String.join(", ", usages.stream().map(CertificateChecks::usageName).toList()))));
    }

    static Optional<Finding> keyUsage(X509Certificate leaf) {
        boolean[] usage = leaf.getKeyUsage();
        if (usage == null || usage.length > DIGITAL_SIGNATURE && usage[DIGITAL_SIGNATURE]) {
            return Optional.empty();
        }
        boolean keyEncipherment = usage.length > KEY_ENCIPHERMENT && usage[KEY_ENCIPHERMENT];
        boolean rsa = "RSA".equals(KeyFacts.of(leaf).type());
        String why = rsa && keyEncipherment
                ? "it allows keyEncipherment only, which serves RSA key exchange alone; ECDHE suites and TLS 1.3"
                        + " need digitalSignature"
                : "ECDHE suites and TLS 1.3 need digitalSignature";
        return Optional.of(Finding.of(CheckCode.BAD_KEY_USAGE, "", leaf, Map.of("why", why)));
    }

    static Optional<Finding> domain(X509Certificate leaf, String domain) {
        HostnameMatcher.Match match = HostnameMatcher.match(leaf, domain);
        if (match.covered()) {
            return Optional.empty();
        }
        List<String> names = new java.util.ArrayList<>(match.dnsNames());
        names.addAll(match.ipAddresses());
        if (names.isEmpty()) {
            return Optional.of(Finding.of(CheckCode.DOMAIN_MISMATCH, "no-san", leaf, Map.of("domain", domain.strip())));
        }
        return Optional.of(Finding.of(CheckCode.DOMAIN_MISMATCH, "", leaf, Map.of("domain", domain.strip(), "names",
                String.join(", ", names), "hint", wildcardHint(match.dnsNames()))));
    }

    private static String wildcardHint(List<String> dnsNames) {
        if (dnsNames.stream().anyMatch(n -> n.contains("*") && !n.startsWith("*."))) {
            return "; a partial wildcard such as " + dnsNames.stream().filter(n -> n.contains("*") && !n.startsWith("*."))
                    .findFirst().orElseThrow() + " matches nothing (RFC 9525)";
        }
        if (dnsNames.stream().anyMatch(n -> n.startsWith("*."))) {
            return "; a * stands for exactly one left-most label, never for the bare domain or two labels";
        }
        return "";
    }

    private static String usageName(String oid) {
        return switch (oid) {
            case SERVER_AUTH -> "serverAuth";
            case "1.3.6.1.5.5.7.3.2" -> "clientAuth";
            case "1.3.6.1.5.5.7.3.3" -> "codeSigning";
            case "1.3.6.1.5.5.7.3.4" -> "emailProtection";
            case "1.3.6.1.5.5.7.3.8" -> "timeStamping";
            case "1.3.6.1.5.5.7.3.9" -> "OCSPSigning";
            default -> oid;
        };
    }

    static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
