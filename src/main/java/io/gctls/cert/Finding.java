package io.gctls.cert;

/**
 * One result of one check (SPEC §4).
 *
 * @param code one of {@link CheckCode}'s codes, e.g. {@code chain-incomplete}
 * @param message one sentence a person can act on
 * @param certificate which certificate it is about (its subject CN, or its subject when it has no
 *     CN), or null when it is about a file or the key
 */
public record Finding(Severity severity, String code, String message, String certificate) {

    public static Finding of(CheckCode check, String message, String certificate) {
        return new Finding(check.severity(), check.code(), message, certificate);
    }

    public static Finding of(CheckCode check, String message) {
        return of(check, message, null);
    }

    public boolean is(CheckCode check) {
        return code.equals(check.code());
    }
}
