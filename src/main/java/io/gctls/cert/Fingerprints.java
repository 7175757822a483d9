package io.gctls.cert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 fingerprint of a certificate's DER in the form APIs exchange it: lower-case hex
 * without separators. Deploy reconciliation compares it with what the API holds.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String sha256Hex(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /** {@code AB:CD:...} and {@code abcd...} compare equal. */
    public static String normalize(String fingerprint) {
        return fingerprint == null ? "" : fingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
    }
}
