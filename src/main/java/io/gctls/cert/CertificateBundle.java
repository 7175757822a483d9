package io.gctls.cert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The parsed material of one inspection, ready for the payload builder, which reuses what
 * {@code cert inspect} read instead of parsing the files again and decides itself what it fixes up
 * (from the facts here: how the files were encoded, what the key was, the chain as given against
 * the chain a server should send).
 *
 * @param leaf the end-entity certificate
 * @param chainAsGiven every other certificate of the {@code --cert} and {@code --chain} files, in file order
 * @param servingChain what a server should send after the leaf: the leaf's issuers in order, up to
 *     but excluding the trust anchor; duplicates, extra certificates and the leaf itself dropped;
 *     intermediates fetched from an AIA URL included
 * @param trustAnchor the anchor the path ends at, when one was found
 * @param privateKey the decoded key, when {@code --key} (or a key inside the {@code --cert} file) was usable
 * @param privateKeyPem the key as unencrypted PKCS#8 PEM; sensitive, its toString is masked
 * @param keySummary what may be shown of the key
 * @param encodings how each file that went into the bundle was encoded
 * @param key where the key came from and in what form, when there is one
 * @param fetched the intermediates of {@code servingChain} that no file supplied, with the URL each came from
 */
public record CertificateBundle(X509Certificate leaf, List<X509Certificate> chainAsGiven,
        List<X509Certificate> servingChain, Optional<X509Certificate> trustAnchor, Optional<PrivateKey> privateKey,
        Optional<SensitivePem> privateKeyPem, Optional<KeySummary> keySummary, List<Encoding> encodings,
        Optional<KeyOrigin> key, List<Fetched> fetched) {

    public CertificateBundle {
        chainAsGiven = List.copyOf(chainAsGiven);
        servingChain = List.copyOf(servingChain);
        encodings = List.copyOf(encodings);
        fetched = List.copyOf(fetched);
    }

    /** How one input file was written: what a payload must convert, strip or unpack. */
    public record Encoding(String file, boolean der, boolean bom, boolean crlf, boolean textAround, boolean pkcs7,
            boolean keystore) {
    }

    /**
     * @param file the file it was read from
     * @param format {@code PKCS#8}, {@code PKCS#1}, {@code SEC1}, {@code encrypted PKCS#8}, {@code PKCS#12} ...
     * @param fromCertFile the key sat in the {@code --cert} file beside the certificate
     */
    public record KeyOrigin(String file, String format, boolean encrypted, boolean fromCertFile) {
    }

    /** An intermediate no file supplied, fetched from the CA Issuers (AIA) URL of the certificate below it. */
    public record Fetched(X509Certificate certificate, String url) {
    }

    /** The leaf as PEM. */
    public String leafPem() {
        return Pem.encode(List.of(leaf));
    }

    /** The serving chain as concatenated PEM, empty when the leaf's issuer is the anchor itself. */
    public String servingChainPem() {
        return Pem.encode(servingChain);
    }

    /** How findings and fix-ups name a certificate. */
    public static String quoted(X509Certificate certificate) {
        return Certs.quoted(certificate);
    }

    /** Same subject and key: the same CA, whichever copy. */
    public static boolean sameEntity(X509Certificate a, X509Certificate b) {
        return Certs.sameEntity(a, b);
    }

    /** Never prints the key: a JDK private key's own toString may show its numbers. */
    @Override
    public String toString() {
        return "CertificateBundle[leaf=" + leaf.getSubjectX500Principal().getName() + ", servingChain="
                + servingChain.size() + " certificate(s), key=" + keySummary.map(KeySummary::toString).orElse("none")
                + "]";
    }
}
