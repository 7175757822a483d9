package io.gctls.cert;

import com.google.common.net.InternetDomainName;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.util.IPAddress;

/**
 * The rules browsers add for certificates that chain to a public root (the system trust store),
 * which a private {@code --trust} root never meets. Sources:
 * <ul>
 * <li>Apple, "About upcoming limits on trusted certificates" (support.apple.com/HT211025): TLS
 *     server certificates issued on or after 2020-09-01 must not be valid for more than 398 days.
 * <li>CA/Browser Forum Baseline Requirements, ballot SC-081 (2025): the maximum validity of
 *     subscriber certificates falls to 200 days from 2026-03-15, 100 days from 2027-03-15 and 47
 *     days from 2029-03-15 (BR 6.3.2).
 * <li>Chrome's Certificate Transparency policy (googlechrome.github.io/CertificateTransparency) and
 *     Apple's (support.apple.com/HT205280): at least 2 embedded SCTs for a certificate valid up to
 *     180 days, 3 above.
 * <li>Baseline Requirements 4.2.2 and 7.1.2.7.12: no Internal Name and no Reserved IP Address in a
 *     subscriber certificate; a name is internal when it is under no public suffix (the Public
 *     Suffix List, through Guava), a reserved address is one of IANA's special-purpose registries.
 * </ul>
 * The validity period counts both ends, as RFC 5280 4.1.2.5 and the Baseline Requirements do.
 */
final class PublicWebRules {

    static final Instant APPLE_FROM = Instant.parse("2020-09-01T00:00:00Z");
    static final int APPLE_MAX_DAYS = 398;

    /** SC-081's steps: from each date on, the maximum validity in days. Latest first. */
    private static final List<Step> SC081 = List.of(
            new Step(Instant.parse("2029-03-15T00:00:00Z"), 47, "2029-03-15"),
            new Step(Instant.parse("2027-03-15T00:00:00Z"), 100, "2027-03-15"),
            new Step(Instant.parse("2026-03-15T00:00:00Z"), 200, "2026-03-15"));

    private record Step(Instant from, int maxDays, String since) {
    }

    /** IANA's IPv4 and IPv6 special-purpose address registries (RFC 6890 and its updates). */
    private static final List<String> RESERVED = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "::ffff:0:0/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
            "2002::/16", "fc00::/7", "fe80::/10", "ff00::/8");

    private PublicWebRules() {
    }

    static List<Finding> check(X509Certificate leaf) {
        List<Finding> findings = new ArrayList<>();
        long seconds = Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()).getSeconds() + 1;
        long days = (seconds + 86_399) / 86_400;
        validity(leaf, seconds, days).ifPresent(findings::add);
        scts(leaf, days).ifPresent(findings::add);
        findings.addAll(internalNames(leaf));
        return findings;
    }

    private static Optional<Finding> validity(X509Certificate leaf, long seconds, long days) {
        Instant issued = leaf.getNotBefore().toInstant();
        if (!issued.isBefore(APPLE_FROM) && seconds > APPLE_MAX_DAYS * 86_400L) {
            return Optional.of(Finding.of(CheckCode.VALIDITY_TOO_LONG, "apple", leaf, Map.of("days",
                    String.valueOf(days), "rule", "Apple 398 days", "since", "2020-09-01")));
        }
        for (Step step : SC081) {
            if (!issued.isBefore(step.from())) {
                if (seconds > step.maxDays() * 86_400L) {
                    Finding warning = Finding.of(CheckCode.VALIDITY_TOO_LONG, "sc081", leaf, Map.of("days",
                            String.valueOf(days), "limit", String.valueOf(step.maxDays()), "since", step.since(),
                            "rule", "CA/B Forum SC-081"));
                    return Optional.of(new Finding(Severity.WARN, warning.code(), warning.message(),
                            warning.certificate(), null, warning.data(), leaf));
                }
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> scts(X509Certificate leaf, long days) {
        int count = sctCount(leaf);
        int needed = days <= 180 ? 2 : 3;
        if (count >= needed) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(CheckCode.TOO_FEW_SCTS, "", leaf, Map.of("count", String.valueOf(count),
                "plural", count == 1 ? "" : "s", "needed", String.valueOf(needed), "days", String.valueOf(days))));
    }

    /**
     * The number of SCTs in the RFC 6962 extension: a TLS-encoded list (a 2-byte total length, then a
     * 2-byte length before each SCT) inside an OCTET STRING. Parsed by hand because it is TLS
     * encoding, not ASN.1, and Bouncy Castle has no parser for it outside its TLS library.
     */
    static int sctCount(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Describer.SCT_LIST_OID);
        if (value == null) {
            return 0;
        }
        try {
            byte[] list = ASN1OctetString.getInstance(ASN1OctetString.getInstance(value).getOctets()).getOctets();
            if (list.length < 2) {
                return 0;
            }
            int end = Math.min(list.length, 2 + (((list[0] & 0xFF) << 8) | (list[1] & 0xFF)));
            int count = 0;
            for (int at = 2; at + 2 <= end; count++) {
                at += 2 + (((list[at] & 0xFF) << 8) | (list[at + 1] & 0xFF));
                if (at > end) {
                    return count; // a truncated last entry does not count
                }
            }
            return count;
        } catch (RuntimeException e) {
            return 0; // malformed: no usable SCT
        }
    }

    private static List<Finding> internalNames(X509Certificate leaf) {
        List<Finding> findings = new ArrayList<>();
        for (List<?> entry : HostnameMatcher.subjectAltNames(leaf)) {
            if (entry.size() < 2 || !(entry.get(0) instanceof Integer type) || !(entry.get(1) instanceof String name)) {
                continue;
            }
            if (type == 7) {
                reservedRange(name).ifPresent(range -> findings.add(Finding.of(CheckCode.SAN_INTERNAL_NAME, "ip",
                        leaf, Map.of("name", name, "range", range))));
            } else if (type == 2 && internal(name)) {
                findings.add(Finding.of(CheckCode.SAN_INTERNAL_NAME, "name", leaf, Map.of("name", name)));
            }
        }
        return findings;
    }

    static boolean internal(String dnsName) {
        String name = dnsName.startsWith("*.") ? dnsName.substring(2) : dnsName;
        String ascii = HostnameMatcher.toALabels(name);
        if (ascii == null) {
            return true;
        }
        try {
            InternetDomainName domain = InternetDomainName.from(ascii);
            return !domain.isUnderPublicSuffix();
        } catch (IllegalArgumentException e) {
            return true; // not a valid domain name at all
        }
    }

    /** The special-purpose range an address falls in, e.g. {@code 10.0.0.0/8}; empty for a public address. */
    static Optional<String> reservedRange(String literal) {
        byte[] address = parse(literal);
        if (address == null) {
            return Optional.of("not a valid address");
        }
        for (String range : RESERVED) {
            int slash = range.indexOf('/');
            byte[] network = parse(range.substring(0, slash));
            int bits = Integer.parseInt(range.substring(slash + 1));
            if (network != null && network.length == address.length && bits <= network.length * 8
                    && samePrefix(address, network, bits)) {
                return Optional.of(range);
            }
        }
        return Optional.empty();
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        BigInteger mask = BigInteger.ONE.shiftLeft(a.length * 8).subtract(BigInteger.ONE)
                .shiftRight(bits).not();
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, b).and(mask));
    }

    private static byte[] parse(String literal) {
        if (!IPAddress.isValidIPv4(literal) && !IPAddress.isValidIPv6(literal)) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
