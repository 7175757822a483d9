package io.gctls.cert;

import java.util.List;

/**
 * What {@code cert inspect} shows per certificate (docs/findings.md "What `cert inspect` shows").
 *
 * @param index position in the list of certificates shown, from 0
 * @param role {@code leaf}, {@code intermediate} (on the served path), {@code anchor} (the trust
 *     anchor of the path), {@code root} (a self-signed root that is not trusted), {@code extra}
 *     (not on the path) or {@code duplicate} (a repeat of a certificate listed before)
 * @param source where it came from: {@code cert}, {@code chain}, {@code trust}, {@code served} or
 *     {@code aia} (fetched from a CA Issuers URL)
 * @param daysLeft whole days until notAfter, negative once expired
 * @param keySize bits: RSA modulus, EC field size, 256 for Ed25519
 * @param sha256 SHA-256 fingerprint of the DER, colon-separated upper-case hex
 * @param scts whether signed certificate timestamps are embedded (the CT extension is present)
 * @param revocation what OCSP or the CRL said ({@code good (OCSP)}, {@code revoked (CRL) ...},
 *     {@code unknown: ...}) or why it was not checked
 */
public record CertificateDetails(int index, String role, String source, String subject, String issuer,
        String serial, List<String> sans, String notBefore, String notAfter, long daysLeft, String keyType,
        int keySize, String signatureAlgorithm, String sha256, List<String> ocsp, List<String> caIssuers,
        List<String> crl, boolean scts, boolean ca, boolean selfSigned, String revocation) {
}
