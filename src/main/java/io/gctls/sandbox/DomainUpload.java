package io.gctls.sandbox;

import io.gctls.sandbox.CertificateCheck.Parsed;
import io.gctls.sandbox.CertificateCheck.Problem;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A validated create (POST) or replace (PUT) body of docs/api.md "Custom domains (B)". Every problem found is reported at
 * once, in one Genesys 400 whose {@code details[]} names each field.
 *
 * @param domain lower-cased; null on a replace that did not repeat it
 */
record DomainUpload(String domain, String type, String certificate, String certificateChain, String privateKey,
        String tlsVersion, boolean ocspStapling, Parsed leaf) {

    static final Set<String> TYPES = Set.of("web");
    static final Set<String> TLS_VERSIONS = Set.of("TLSv1.2", "TLSv1.3");
    private static final Set<String> OLD_TLS_VERSIONS = Set.of("SSLv2", "SSLv3", "TLSv1", "TLSv1.0", "TLSv1.1");
    static final String DEFAULT_TYPE = "web";
    static final String DEFAULT_TLS_VERSION = "TLSv1.2";

    // RFC 1123 host labels; an optional "*." wildcard as the whole left-most label.
    private static final Pattern DOMAIN = Pattern.compile(
            "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    /** Fields of a body, read leniently so every problem can be reported together. */
    private static final class Reader {
        final List<Problem> problems = new ArrayList<>();
        final JsonNode body;

        Reader(JsonNode body) {
            this.body = body;
        }

        String text(JsonNode parent, String name, String fieldName, boolean required) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
                if (required) {
                    problems.add(new Problem(fieldName, "MISSING_FIELD", fieldName + " is required"));
                }
                return null;
            }
            if (!node.isString()) {
                problems.add(new Problem(fieldName, "INVALID_VALUE", fieldName + " must be a string"));
                return null;
            }
            return node.stringValue();
        }

        Boolean bool(JsonNode parent, String name, String fieldName) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isBoolean()) {
                problems.add(new Problem(fieldName, "INVALID_VALUE", fieldName + " must be true or false"));
                return null;
            }
            return node.booleanValue();
        }
    }

    static DomainUpload parse(JsonNode body, boolean creating, Instant now) {
        Reader reader = new Reader(body);
        String domain = checkDomain(reader, reader.text(body, "domain", "domain", creating));
        String type = checkType(reader, reader.text(body, "type", "type", false));
        String certificate = reader.text(body, "certificate", "certificate", true);
        String chain = reader.text(body, "certificateChain", "certificateChain", false);
        String key = reader.text(body, "privateKey", "privateKey", true);
        String tlsVersion = DEFAULT_TLS_VERSION;
        boolean ocspStapling = true;
        JsonNode settings = body.get("settings");
        if (settings != null && !settings.isNull()) {
            if (!settings.isObject()) {
                reader.problems.add(new Problem("settings", "INVALID_VALUE", "settings must be an object"));
            } else {
                tlsVersion = checkTlsVersion(reader, reader.text(settings, "tlsVersion", "settings.tlsVersion", false));
                Boolean stapling = reader.bool(settings, "ocspStapling", "settings.ocspStapling");
                ocspStapling = stapling == null || stapling;
            }
        }
        Parsed leaf = checkCertificates(reader, certificate, chain, key, now);
        if (!reader.problems.isEmpty()) {
            throw refusal(reader.problems);
        }
        return new DomainUpload(domain, type, certificate, chain, key, tlsVersion, ocspStapling, leaf);
    }

    private static String checkDomain(Reader reader, String domain) {
        if (domain == null) {
            return null;
        }
        String normalised = domain.strip().toLowerCase(Locale.ROOT);
        if (normalised.endsWith(".")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        if (normalised.length() > 253 || !DOMAIN.matcher(normalised).matches()) {
            reader.problems.add(new Problem("domain", "INVALID_DOMAIN",
                    "domain '" + domain.strip() + "' is not a valid host name"));
            return null;
        }
        return normalised;
    }

    private static String checkType(Reader reader, String type) {
        if (type == null) {
            return DEFAULT_TYPE;
        }
        if (!TYPES.contains(type)) {
            reader.problems.add(new Problem("type", "INVALID_TYPE",
                    "type '" + type + "' is not supported; use one of " + TYPES));
        }
        return type;
    }

    private static String checkTlsVersion(Reader reader, String version) {
        if (version == null) {
            return DEFAULT_TLS_VERSION;
        }
        if (OLD_TLS_VERSIONS.contains(version)) {
            reader.problems.add(new Problem("settings.tlsVersion", "TLS_VERSION_TOO_LOW",
                    "settings.tlsVersion " + version + " is below the minimum TLSv1.2"));
        } else if (!TLS_VERSIONS.contains(version)) {
            reader.problems.add(new Problem("settings.tlsVersion", "INVALID_TLS_VERSION",
                    "settings.tlsVersion '" + version + "' is not one of " + TLS_VERSIONS.stream().sorted().toList()));
        }
        return version;
    }

    private static Parsed checkCertificates(Reader reader, String certificate, String chain, String key, Instant now) {
        Parsed leaf = null;
        if (certificate != null) {
            try {
                leaf = CertificateCheck.certificates(certificate, "certificate").get(0);
                if (now.isAfter(leaf.notAfter())) {
                    reader.problems.add(new Problem("certificate", "CERTIFICATE_EXPIRED",
                            "certificate expired on " + Times.format(leaf.notAfter())));
                } else if (now.isBefore(leaf.notBefore())) {
                    reader.problems.add(new Problem("certificate", "CERTIFICATE_NOT_YET_VALID",
                            "certificate is not valid before " + Times.format(leaf.notBefore())));
                }
            } catch (CertificateCheck.Refused e) {
                reader.problems.add(e.problem());
            }
        }
        if (chain != null) {
            try {
                CertificateCheck.certificates(chain, "certificateChain");
            } catch (CertificateCheck.Refused e) {
                reader.problems.add(e.problem());
            }
        }
        if (key != null) {
            try {
                PrivateKey privateKey = CertificateCheck.privateKey(key);
                if (leaf != null && !CertificateCheck.matches(privateKey, leaf)) {
                    reader.problems.add(new Problem("privateKey", "KEY_MISMATCH",
                            "privateKey does not match the certificate's public key"));
                }
            } catch (CertificateCheck.Refused e) {
                reader.problems.add(e.problem());
            }
        }
        return leaf;
    }

    private static ApiError refusal(List<Problem> problems) {
        String message = problems.size() == 1
                ? problems.get(0).message()
                : problems.size() + " problems: " + problems.stream().map(Problem::message)
                        .collect(Collectors.joining("; "));
        return new ApiError(400, "bad.request", message,
                problems.stream().map(p -> new ApiError.Detail(p.errorCode(), p.fieldName())).toList());
    }

    /** Never print the key: this record is handed around inside the sandbox. */
    @Override
    public String toString() {
        return "DomainUpload[domain=" + domain + ", type=" + type + ", tlsVersion=" + tlsVersion + "]";
    }
}
