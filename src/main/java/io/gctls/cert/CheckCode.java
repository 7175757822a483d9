package io.gctls.cert;

/**
 * Every finding code (docs/findings.md), spelled exactly as scripts match it, with its severity.
 * Scripts match on these codes, so they never change once released.
 */
public enum CheckCode {
    BAD_PEM("bad-pem", Severity.ERROR),
    EMPTY_CERT("empty-cert", Severity.ERROR),
    EMPTY_KEY("empty-key", Severity.ERROR),
    CERT_IS_KEY("cert-is-key", Severity.ERROR),
    KEY_IS_CERT("key-is-cert", Severity.ERROR),
    KEY_IS_PUBLIC_KEY("key-is-public-key", Severity.ERROR),
    ENCRYPTED_KEY("encrypted-key", Severity.ERROR),
    WRONG_PASSWORD("wrong-password", Severity.ERROR),
    MULTIPLE_LEAVES("multiple-leaves", Severity.ERROR),
    EXPIRED("expired", Severity.ERROR),
    NOT_YET_VALID("not-yet-valid", Severity.ERROR),
    EXPIRES_SOON("expires-soon", Severity.WARN),
    KEY_MISMATCH("key-mismatch", Severity.ERROR),
    CHAIN_INCOMPLETE("chain-incomplete", Severity.ERROR),
    UNTRUSTED_ROOT("untrusted-root", Severity.ERROR),
    SELF_SIGNED("self-signed", Severity.ERROR),
    BAD_SIGNATURE("bad-signature", Severity.ERROR),
    INTERMEDIATE_NOT_CA("intermediate-not-ca", Severity.ERROR),
    PATH_LENGTH_EXCEEDED("path-length-exceeded", Severity.ERROR),
    CHAIN_OUT_OF_ORDER("chain-out-of-order", Severity.WARN),
    ROOT_INCLUDED("root-included", Severity.WARN),
    LEAF_IN_CHAIN("leaf-in-chain", Severity.WARN),
    EXTRA_CERT("extra-cert", Severity.WARN),
    DER("der", Severity.WARN),
    BOM("bom", Severity.WARN),
    DOMAIN_MISMATCH("domain-mismatch", Severity.ERROR),
    WEAK_KEY("weak-key", Severity.ERROR),
    WEAK_SIGNATURE("weak-signature", Severity.ERROR),
    LEAF_IS_CA("leaf-is-ca", Severity.ERROR),
    NO_SERVER_AUTH_EKU("no-server-auth-eku", Severity.ERROR),
    NO_EKU("no-eku", Severity.WARN),
    BAD_KEY_USAGE("bad-key-usage", Severity.ERROR),
    CHAIN_COMPLETED_FROM_AIA("chain-completed-from-aia", Severity.WARN),
    REVOKED("revoked", Severity.ERROR),
    REVOCATION_UNKNOWN("revocation-unknown", Severity.WARN),
    /** ERROR over Apple's limit; WARN over the CA/Browser Forum's (SC-081) for the date of issue. */
    VALIDITY_TOO_LONG("validity-too-long", Severity.ERROR),
    TOO_FEW_SCTS("too-few-scts", Severity.WARN),
    SAN_INTERNAL_NAME("san-internal-name", Severity.ERROR),
    /** probe only: the served leaf is not the {@code --expect-cert} certificate. */
    UNEXPECTED_CERT("unexpected-cert", Severity.ERROR);

    private final String code;
    private final Severity severity;

    CheckCode(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    public static CheckCode fromCode(String code) {
        for (CheckCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no check code '" + code + "'");
    }
}
