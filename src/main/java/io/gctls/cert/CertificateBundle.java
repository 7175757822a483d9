package io.gctls.cert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The parsed material of one inspection, ready for the payload builder: it reuses what
 * {@code cert inspect} read and fixed up instead of parsing the files again.
 *
 * @param leaf the end-entity certificate
 * @param chainAsGiven every other certificate of the {@code --cert} and {@code --chain} files, in file order
 * @param servingChain what a server should send after the leaf: the leaf's issuers in order, up to
 *     but excluding the trust anchor; duplicates, extra certificates and the leaf itself dropped
 * @param trustAnchor the anchor the path ends at, when one was found
 * @param privateKey the decoded key, when {@code --key} (or a key inside the {@code --cert} file) was usable
 * @param privateKeyPem the key as unencrypted PKCS#8 PEM; sensitive, its toString is masked
 * @param keySummary what may be shown of the key
 * @param fixups what was changed to get here, one phrase each (DER converted to PEM, BOM stripped, ...)
 */
public record CertificateBundle(X509Certificate leaf, List<X509Certificate> chainAsGiven,
        List<X509Certificate> servingChain, Optional<X509Certificate> trustAnchor, Optional<PrivateKey> privateKey,
        Optional<SensitivePem> privateKeyPem, Optional<KeySummary> keySummary, List<String> fixups) {

    public CertificateBundle {
        chainAsGiven = List.copyOf(chainAsGiven);
        servingChain = List.copyOf(servingChain);
        fixups = List.copyOf(fixups);
    }

    /** The leaf as PEM. */
    public String leafPem() {
        return Pem.encode(List.of(leaf));
    }

    /** The serving chain as concatenated PEM, empty when the leaf's issuer is the anchor itself. */
    public String servingChainPem() {
        return Pem.encode(servingChain);
    }

    /** Never prints the key: a JDK private key's own toString may show its numbers. */
    @Override
    public String toString() {
        return "CertificateBundle[leaf=" + leaf.getSubjectX500Principal().getName() + ", servingChain="
                + servingChain.size() + " certificate(s), key=" + keySummary.map(KeySummary::toString).orElse("none")
                + ", fixups=" + fixups + "]";
    }
}
