package io.gctls.cert;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * What one input file held, whatever its option said it should hold, and how it was encoded.
 *
 * @param option the option that named it ({@code --cert}, {@code --key}, {@code --chain}, {@code --trust})
 * @param problems blocks or content that could not be read, one phrase each
 * @param otherKinds recognised content of a kind gctls does not take here (a CSR, a PKCS#12 archive)
 * @param der the content was DER, not PEM
 * @param bom a byte-order mark was stripped
 * @param crlf CRLF (or CR) line endings were normalised
 * @param textAround text outside the PEM blocks was ignored
 * @param empty nothing but whitespace (or nothing at all)
 */
record CryptoFile(Path path, String option, List<X509Certificate> certificates, List<KeyMaterial> privateKeys,
        List<SubjectPublicKeyInfo> publicKeys, List<String> problems, List<String> otherKinds, boolean der,
        boolean bom, boolean crlf, boolean textAround, boolean pkcs7, boolean empty) {

    String name() {
        Path file = path.getFileName();
        return file == null ? path.toString() : file.toString();
    }

    /** e.g. {@code --chain certs/chain.pem}: the path as the user gave it. */
    String describe() {
        return option + " " + path;
    }

    boolean holdsNothingUsable() {
        return certificates.isEmpty() && privateKeys.isEmpty() && publicKeys.isEmpty();
    }
}
