package io.gctls.probe;

import io.gctls.core.GctlsException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host and a port as typed: {@code www.example.com}, {@code www.example.com:8443},
 * {@code 192.0.2.10:443}, {@code [2001:db8::1]:443}, a bare IPv6 address, or a pasted URL such
 * as {@code https://www.example.com/login} (scheme and path dropped).
 *
 * @param explicitPort whether the text named the port (else {@code port} is the default given)
 */
public record HostPort(String host, int port, boolean explicitPort) {

    public static final int HTTPS = 443;

    private static final Pattern URL = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://([^/?#]*).*$");
    private static final Pattern BRACKETED = Pattern.compile("^\\[([0-9A-Fa-f:.%\\w]+)\\](?::(.*))?$");
    private static final Pattern HOST = Pattern.compile("^[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_.])?$");

    /**
     * @param what how the value is named in an error, e.g. {@code HOST} or {@code --connect}
     * @throws GctlsException a usage error (exit 2) naming the value and what is accepted
     */
    public static HostPort parse(String text, int defaultPort, String what) {
        String value = text == null ? "" : text.strip();
        Matcher url = URL.matcher(value);
        if (url.matches()) {
            value = url.group(1);
            int userInfo = value.lastIndexOf('@');
            if (userInfo >= 0) {
                value = value.substring(userInfo + 1);
            }
        }
        if (value.isEmpty()) {
            throw bad(text, what, "no host given");
        }
        Matcher bracketed = BRACKETED.matcher(value);
        if (bracketed.matches()) {
            return of(bracketed.group(1), bracketed.group(2), defaultPort, text, what);
        }
        if (value.indexOf(':') != value.lastIndexOf(':')) {
            return new HostPort(value, defaultPort, false); // a bare IPv6 address: no port can follow it
        }
        int colon = value.indexOf(':');
        return colon < 0 ? of(value, null, defaultPort, text, what)
                : of(value.substring(0, colon), value.substring(colon + 1), defaultPort, text, what);
    }

    private static HostPort of(String host, String port, int defaultPort, String text, String what) {
        if (!host.contains(":") && !HOST.matcher(host).matches()) {
            throw bad(text, what, "'" + host + "' is not a host name or IP address");
        }
        if (port == null) {
            return new HostPort(host, defaultPort, false);
        }
        try {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                throw new NumberFormatException();
            }
            return new HostPort(host, number, true);
        } catch (NumberFormatException e) {
            throw bad(text, what, "the port must be 1 to 65535, not '" + port + "'");
        }
    }

    private static GctlsException bad(String text, String what, String why) {
        return GctlsException.usage(what + " " + io.gctls.core.Quote.of(text == null ? "" : text.strip()) + ": " + why
                + " (expected HOST[:PORT], e.g. www.example.com, www.example.com:8443 or [2001:db8::1]:443)");
    }

    /** An IPv4 or IPv6 literal, which no SNI extension may carry. */
    public boolean isIpLiteral() {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** The name as a TLS client sends it in SNI: lower case, without a trailing dot. */
    public String sniName() {
        String name = host.toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** {@code host:port}, with IPv6 addresses in brackets. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
