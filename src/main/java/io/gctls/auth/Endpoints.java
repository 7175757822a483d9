package io.gctls.auth;

import io.gctls.core.GctlsException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the API and the login service are: {@code https://api.<domain>} and
 * {@code https://login.<domain>} for a region, or explicit URLs. Plain {@code http://} is refused
 * unless the host is loopback: client secrets and tokens must not cross a network in clear.
 */
public record Endpoints(String apiUrl, String loginUrl, String region) {

    public Endpoints {
        apiUrl = checked(apiUrl, "API");
        loginUrl = checked(loginUrl, "login");
        region = region == null ? "" : region;
    }

    /** A region name ({@code eu-west-1}), a bare domain ({@code mypurecloud.ie}) or an API URL. */
    public static Endpoints forRegionOrDomain(String value) {
        String v = value.strip();
        if (v.startsWith("http://") || v.startsWith("https://")) {
            return fromApiUrl(v, Optional.empty());
        }
        Optional<String> domain = Region.domainOf(v);
        String d = domain.orElseGet(() -> bareDomain(v));
        if (!d.contains(".")) {
            throw GctlsException.usage("unknown region '" + value + "'; use a region such as eu-west-1, a domain "
                    + "such as mypurecloud.ie, or --api-url (regions: " + String.join(", ", Region.all().keySet()
                    .stream().sorted().toList()) + ")");
        }
        String name = domain.isPresent() ? v.toLowerCase(Locale.ROOT) : Region.nameOf(d).orElse("");
        return new Endpoints("https://api." + d, "https://login." + d, name);
    }

    /**
     * An API base URL as the {@code GENESYS_ENV_URL} alias gives it (docs/configuration.md "Environment"): the login URL swaps a leading
     * {@code api.} for {@code login.}, or is the same URL when the host has no {@code api.} prefix.
     */
    public static Endpoints fromApiUrl(String apiUrl, Optional<String> loginUrl) {
        String api = trimSlash(apiUrl.strip());
        String login = loginUrl.map(String::strip).map(Endpoints::trimSlash).orElseGet(() -> deriveLogin(api));
        return new Endpoints(api, login, "");
    }

    static String deriveLogin(String apiUrl) {
        URI uri = parse(apiUrl, "API");
        String host = uri.getHost();
        if (host != null && host.toLowerCase(Locale.ROOT).startsWith("api.")) {
            return apiUrl.replaceFirst("(?i)//api\\.", "//login.");
        }
        return apiUrl;
    }

    private static String bareDomain(String value) {
        String d = value.toLowerCase(Locale.ROOT);
        if (d.startsWith("api.") || d.startsWith("login.")) {
            d = d.substring(d.indexOf('.') + 1);
        }
        return d.endsWith("/") ? d.substring(0, d.length() - 1) : d;
    }

    private static String checked(String url, String which) {
        String trimmed = trimSlash(url);
        URI uri = parse(trimmed, which);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw GctlsException.usage("the " + which + " URL must start with https:// (got '" + url + "')");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw GctlsException.usage("refusing plain http:// for " + uri.getHost() + ": credentials would cross "
                    + "the network unencrypted; use https:// (http is allowed only for loopback hosts)");
        }
        return trimmed;
    }

    private static URI parse(String url, String which) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                throw new URISyntaxException(url, "no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw GctlsException.usage("the " + which + " URL '" + url + "' is not a valid URL");
        }
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // never resolve a name here: only literal loopback addresses count
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String trimSlash(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
