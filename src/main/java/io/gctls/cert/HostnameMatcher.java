package io.gctls.cert;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/**
 * Does a certificate cover a name? RFC 6125 / RFC 9525 server identity: only subjectAltName
 * dNSName entries count (never the CN); comparison is case-insensitive, in A-label form, with a
 * trailing dot tolerated; {@code *} matches exactly one whole left-most label and never the apex;
 * partial-label wildcards such as {@code f*.example.com} match nothing. An IP address is matched
 * against iPAddress entries only.
 *
 * <p>Written here rather than borrowed: the JDK's matcher ({@code sun.security.util.HostnameChecker})
 * is internal and still falls back to the CN, and Bouncy Castle's accepts partial wildcards.
 */
final class HostnameMatcher {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostnameMatcher() {
    }

    /** The outcome of one match, with the SANs looked at (for the message). */
    record Match(boolean covered, List<String> dnsNames, List<String> ipAddresses, String reference) {
    }

    static Match match(X509Certificate certificate, String domain) {
        List<String> dnsNames = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (List<?> entry : subjectAltNames(certificate)) {
            if (entry.size() >= 2 && entry.get(0) instanceof Integer type && entry.get(1) instanceof String value) {
                if (type == DNS_NAME) {
                    dnsNames.add(value);
                } else if (type == IP_ADDRESS) {
                    ips.add(value);
                }
            }
        }
        String reference = domain.strip();
        if (isIpLiteral(reference)) {
            byte[] wanted = address(reference);
            boolean covered = wanted != null && ips.stream().map(HostnameMatcher::address)
                    .anyMatch(ip -> ip != null && Arrays.equals(ip, wanted));
            return new Match(covered, dnsNames, ips, reference);
        }
        String name = toALabels(reference);
        boolean covered = name != null && dnsNames.stream().anyMatch(san -> covers(san, name));
        return new Match(covered, dnsNames, ips, name == null ? reference : name);
    }

    /** One SAN dNSName against one reference name, both compared in lower-case A-label form. */
    static boolean covers(String san, String reference) {
        String presented = toALabels(san);
        if (presented == null || reference.isEmpty()) {
            return false;
        }
        if (reference.startsWith("*.")) {
            return presented.equals(reference); // asking about a wildcard name: only that wildcard covers it
        }
        if (presented.equals(reference)) {
            return true;
        }
        if (!presented.startsWith("*.")) {
            return false; // no wildcard, or a partial one (f*.example.com, *foo.example.com): never honoured
        }
        String base = presented.substring(2);
        if (base.contains("*") || base.indexOf('.') < 0) {
            return false; // *.com or a second wildcard: not a valid wildcard
        }
        int firstDot = reference.indexOf('.');
        return firstDot > 0 && reference.substring(firstDot + 1).equals(base);
    }

    /** Lower-case A-label form without a trailing dot; null when it is not a valid name. */
    static String toALabels(String name) {
        String value = name.strip();
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.isEmpty() || value.startsWith(".") || value.contains("..")) {
            return null;
        }
        boolean wildcard = value.startsWith("*.");
        String rest = wildcard ? value.substring(2) : value;
        if (rest.chars().allMatch(c -> c < 0x80)) {
            // all ASCII, as nearly every name is: IDN's conversion would only lower-case it, and its
            // first use costs a cold start the ICU data load (about 12 ms)
            return value.toLowerCase(Locale.ROOT);
        }
        try {
            // java.net.IDN is IDNA 2003; for the names certificates carry (lower-case, NFC) it agrees with 2008
            String ascii = IDN.toASCII(rest, IDN.ALLOW_UNASSIGNED);
            return ((wildcard ? "*." : "") + ascii).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return rest.chars().allMatch(c -> c < 128) ? value.toLowerCase(Locale.ROOT) : null;
        }
    }

    /** Four dotted numbers, or something with a colon made of hex digits: a name cannot look like that. */
    static boolean isIpLiteral(String value) {
        String bare = unbracket(value);
        return IPV4.matcher(bare).matches() || (bare.indexOf(':') >= 0 && bare.matches("[0-9A-Fa-f:.]+"));
    }

    private static String unbracket(String value) {
        return value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
    }

    /** Parses an IP literal without any DNS lookup; null when it is not one. */
    private static byte[] address(String literal) {
        String value = unbracket(literal);
        // only a valid literal reaches InetAddress, which would otherwise resolve it as a host name
        if (!IPAddress.isValidIPv4(value) && !IPAddress.isValidIPv6(value)) {
            return null;
        }
        try {
            return InetAddress.getByName(value).getAddress(); // a literal: InetAddress does no lookup
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    static Collection<List<?>> subjectAltNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names == null ? List.of() : names;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
