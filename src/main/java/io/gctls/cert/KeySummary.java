package io.gctls.cert;

/**
 * What may be shown about a private key instead of the key itself (docs/configuration.md "Secrets"): its type, its size,
 * and the SHA-256 of its public half (of the DER SubjectPublicKeyInfo), colon-separated hex.
 */
public record KeySummary(String type, int size, String publicKeySha256) {
}
