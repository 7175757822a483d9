package io.gctls.cert;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * What one input file held, whatever its option said it should hold, and how it was encoded; or the
 * chain a server sent. Made by {@link Material}.
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
public record CryptoFile(Path path, String option, List<X509Certificate> certificates, List<KeyMaterial> privateKeys,
        List<SubjectPublicKeyInfo> publicKeys, List<String> problems, List<String> otherKinds, boolean der,
        boolean bom, boolean crlf, boolean textAround, boolean pkcs7, boolean empty) {

    /** The option a served chain stands in, so that its certificates show as "served". */
    static final String SERVED = "served";

    /** The certificates a server sent, as if they were one {@code --cert} file of a leaf and its chain. */
    static CryptoFile served(String server, List<X509Certificate> chain) {
        return new CryptoFile(Path.of(server), SERVED, List.copyOf(chain), List.of(), List.of(), List.of(), List.of(),
                false, false, false, false, false, chain.isEmpty());
    }

    boolean isServed() {
        return SERVED.equals(option);
    }

    /**
     * How findings name it: the path as the user gave it with its option ({@code --chain certs/chain.pem}),
     * or the server that sent it.
     */
    String describe() {
        return isServed() ? "the chain served by " + path : option + " " + path;
    }

    boolean holdsNothingUsable() {
        return certificates.isEmpty() && privateKeys.isEmpty() && publicKeys.isEmpty();
    }
}
