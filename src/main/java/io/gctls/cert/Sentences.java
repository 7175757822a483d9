package io.gctls.cert;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentence of every finding, made from its code, a variant and its data. The sentences name
 * where things came from through the data ({@code {file}} is "--chain chain.pem" for a file and
 * "the served chain" for a live server), so one inspector serves files and served chains alike.
 * What the payload changes is said by the payload builder, not here.
 */
final class Sentences {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Map<String, String> TEMPLATES = new HashMap<>();

    static {
        // the input is not what its option says
        put(CheckCode.EMPTY_CERT, "", "{file} is empty; it should hold {wanted}");
        put(CheckCode.EMPTY_KEY, "", "{file} is empty; it should hold the private key");
        put(CheckCode.CERT_IS_KEY, "private", "{file} holds a private key, not a certificate{hint}");
        put(CheckCode.CERT_IS_KEY, "public", "{file} holds a public key, not a certificate");
        put(CheckCode.KEY_IS_CERT, "", "{file} holds a certificate, not a private key (are --cert and --key swapped?)");
        put(CheckCode.KEY_IS_PUBLIC_KEY, "", "{file} holds only a public key; the private key is needed");
        put(CheckCode.BAD_PEM, "no-certificate", "{file} holds no certificate: {reason}");
        put(CheckCode.BAD_PEM, "no-key", "{file} holds no private key: {reason}");
        put(CheckCode.BAD_PEM, "block", "{file}: {reason}");
        put(CheckCode.BAD_PEM, "undecodable-key", "{file} holds a private key that cannot be decoded ({reason})");
        put(CheckCode.BAD_PEM, "scheme", "the key is encrypted with a scheme gctls cannot decrypt ({reason}){hint}");
        put(CheckCode.BAD_PEM, "keystore", "{file} is {kind} that cannot be read ({reason})");
        put(CheckCode.DER, "", "{file} is DER; the payload sends {what} as PEM");
        put(CheckCode.BOM, "", "{file} starts with a byte-order mark; the payload strips it");
        put(CheckCode.ENCRYPTED_KEY, "", "{file} is {format}; {how}");
        put(CheckCode.WRONG_PASSWORD, "", "the password from {origin} does not decrypt {file}");
        put(CheckCode.MULTIPLE_LEAVES, "", "{file} holds {count} end-entity certificates ({names}); {expected}");
        put(CheckCode.MULTIPLE_LEAVES, "aliases", "{file} holds {count} keys with certificates (aliases {names});"
                + " pick one with --alias NAME");
        put(CheckCode.MULTIPLE_LEAVES, "no-alias", "{file} has no entry '{alias}' with a key and certificate;"
                + " its aliases are {names}");
        put(CheckCode.KEY_MISMATCH, "", "the private key in {file} ({keyType}) does not belong to the leaf {cert}"
                + " ({certType})");
        // validity
        put(CheckCode.EXPIRED, "", "{what}{cert} expired on {notAfter} ({days} days ago)");
        put(CheckCode.NOT_YET_VALID, "", "{what}{cert} is not valid until {notBefore} (check the issuing CA's clock,"
                + " or wait)");
        put(CheckCode.EXPIRES_SOON, "", "the leaf expires {when} ({notAfter}), inside the {warnDays}-day warning"
                + " window; renew it");
        // the path
        put(CheckCode.CHAIN_INCOMPLETE, "missing", "the issuer of {cert} ({issuer}) is neither in {supplied} nor in"
                + " {anchors}{fetch}; {fix}");
        put(CheckCode.CHAIN_INCOMPLETE, "too-long", "the chain is longer than {max} certificates without reaching"
                + " an anchor in {anchors}");
        put(CheckCode.CHAIN_INCOMPLETE, "unvalidatable", "the path to {anchor} cannot be validated ({reason})");
        put(CheckCode.CHAIN_INCOMPLETE, "critical-extension", "{cert} carries a critical extension clients do not"
                + " understand, so no valid path goes through it");
        put(CheckCode.CHAIN_INCOMPLETE, "invalid", "no valid path from {leaf} to {anchor}: {reason}");
        put(CheckCode.SELF_SIGNED, "", "{cert} is self-signed and not in {anchors}; clients only accept a"
                + " certificate issued by a trusted CA");
        put(CheckCode.UNTRUSTED_ROOT, "", "the chain ends at the root {cert}, which is not in {anchors}");
        put(CheckCode.UNTRUSTED_ROOT, "no-anchor", "no trust anchor accepts the path ending at {top}");
        put(CheckCode.BAD_SIGNATURE, "", "the signature of {cert} does not verify with the key of its issuer"
                + " {issuer} (corrupted, or signed by another key with the same name)");
        put(CheckCode.INTERMEDIATE_NOT_CA, "", "{cert} issued {child}, but {why}");
        put(CheckCode.INTERMEDIATE_NOT_CA, "anchor", "the trust anchor {cert} issued {child}, but it is not a CA"
                + " (basicConstraints CA:TRUE is missing)");
        put(CheckCode.PATH_LENGTH_EXCEEDED, "", "{cert} allows {limit} intermediate CA(s) below it"
                + " (pathLenConstraint) but the path has {below}");
        put(CheckCode.PATH_LENGTH_EXCEEDED, "unknown", "{cert} is one CA too many for the path length a CA above"
                + " it allows");
        // what a server should send
        put(CheckCode.CHAIN_OUT_OF_ORDER, "", "{given} come in the order {order}, but a server must send the leaf"
                + " first, then each issuer in turn: {expected}");
        put(CheckCode.ROOT_INCLUDED, "", "{given} include the trust anchor {cert}; servers need not send it");
        put(CheckCode.LEAF_IN_CHAIN, "", "the leaf {cert} appears again in {where}; it is sent once");
        put(CheckCode.EXTRA_CERT, "", "{cert} (from {from}) is not on the path from the leaf to {anchor}");
        put(CheckCode.CHAIN_COMPLETED_FROM_AIA, "", "the path to {anchor} works only with {fetched}, fetched from"
                + " the CA Issuers (AIA) URL{plural} {urls}: clients that do not fetch missing intermediates (many"
                + " mobile and non-browser clients) will fail; the server must send {them}");
        // the leaf and every certificate
        put(CheckCode.DOMAIN_MISMATCH, "no-san", "the leaf has no subjectAltName names, so it covers no domain;"
                + " its CN {cert} is not used for matching (RFC 6125/9525)");
        put(CheckCode.DOMAIN_MISMATCH, "", "'{domain}' is not covered by the leaf's subjectAltName ({names}){hint}");
        put(CheckCode.WEAK_KEY, "", "{cert} has a {size}-bit {type}{curve} key; {type} keys need at least {minimum}"
                + " bits");
        put(CheckCode.WEAK_SIGNATURE, "", "{cert} is signed with {digest} ({algorithm}), which clients reject;"
                + " have it reissued with SHA-256 or better");
        put(CheckCode.LEAF_IS_CA, "", "the leaf {cert} has basicConstraints CA:TRUE; a server certificate must not"
                + " be a CA");
        put(CheckCode.NO_SERVER_AUTH_EKU, "malformed", "the leaf's extendedKeyUsage extension is malformed, so"
                + " clients cannot see serverAuth in it");
        put(CheckCode.NO_SERVER_AUTH_EKU, "any", "the leaf's extendedKeyUsage has anyExtendedKeyUsage but not"
                + " serverAuth; server certificates must name serverAuth, and strict clients refuse one that does not");
        put(CheckCode.NO_SERVER_AUTH_EKU, "", "the leaf's extendedKeyUsage ({usages}) does not include serverAuth,"
                + " so TLS clients will refuse it");
        put(CheckCode.NO_EKU, "", "the leaf has no extendedKeyUsage extension; most clients accept that, but public"
                + " CAs always include serverAuth");
        put(CheckCode.BAD_KEY_USAGE, "", "the leaf's keyUsage lacks digitalSignature: {why}");
        // revocation
        put(CheckCode.REVOKED, "", "{cert} is revoked: {via} says so{reason}{date}; clients that check revocation"
                + " refuse it");
        put(CheckCode.REVOCATION_UNKNOWN, "", "whether {cert} is revoked is unknown: {why}");
        // public web
        put(CheckCode.VALIDITY_TOO_LONG, "apple", "the leaf is valid for {days} days; Apple platforms refuse TLS"
                + " certificates issued from 2020-09-01 that are valid for more than 398 days");
        put(CheckCode.VALIDITY_TOO_LONG, "sc081", "the leaf is valid for {days} days; the CA/Browser Forum's"
                + " ballot SC-081 allows at most {limit} days for certificates issued from {since}");
        put(CheckCode.TOO_FEW_SCTS, "", "the leaf embeds {count} signed certificate timestamp{plural} (SCTs);"
                + " Chrome's and Apple's CT policies ask for {needed} for a certificate valid {days} days, so they"
                + " refuse it unless the server sends SCTs another way");
        put(CheckCode.SAN_INTERNAL_NAME, "ip", "the leaf names the reserved IP address {name} ({range}); public"
                + " CAs may not issue for it and browsers refuse it");
        put(CheckCode.SAN_INTERNAL_NAME, "name", "the leaf names {name}, which is under no public suffix (an"
                + " internal name); public CAs may not issue for it and browsers refuse it");
    }

    private Sentences() {
    }

    private static void put(CheckCode code, String variant, String template) {
        TEMPLATES.put(key(code, variant), template);
    }

    private static String key(CheckCode code, String variant) {
        return variant.isEmpty() ? code.code() : code.code() + "/" + variant;
    }

    static boolean has(CheckCode code, String variant) {
        return TEMPLATES.containsKey(key(code, variant));
    }

    /**
     * @throws IllegalStateException for a variant without a sentence or a fact the sentence needs: a
     *     programming error that the tests of each check catch
     */
    static String render(CheckCode code, String variant, Map<String, String> data) {
        String template = TEMPLATES.get(key(code, variant));
        if (template == null) {
            throw new IllegalStateException("no sentence for " + key(code, variant));
        }
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder sentence = new StringBuilder();
        while (placeholder.find()) {
            String value = data.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException(key(code, variant) + " needs '" + placeholder.group(1) + "'");
            }
            placeholder.appendReplacement(sentence, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(sentence);
        return sentence.toString();
    }
}
