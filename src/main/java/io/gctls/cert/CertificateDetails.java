package io.gctls.cert;

import io.gctls.core.Json;
import io.gctls.core.JsonWritable;
import java.util.List;
import tools.jackson.core.JsonGenerator;

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
        List<String> crl, boolean scts, boolean ca, boolean selfSigned, String revocation) implements JsonWritable {

    /** The document the mapper would write, streamed (see {@link JsonWritable}). */
    @Override
    public void writeJson(JsonGenerator json) {
        json.writeStartObject();
        json.writeNumberProperty("index", index);
        json.writeStringProperty("role", role);
        json.writeStringProperty("source", source);
        json.writeStringProperty("subject", subject);
        json.writeStringProperty("issuer", issuer);
        json.writeStringProperty("serial", serial);
        Json.writeStrings(json, "sans", sans);
        json.writeStringProperty("notBefore", notBefore);
        json.writeStringProperty("notAfter", notAfter);
        json.writeNumberProperty("daysLeft", daysLeft);
        json.writeStringProperty("keyType", keyType);
        json.writeNumberProperty("keySize", keySize);
        json.writeStringProperty("signatureAlgorithm", signatureAlgorithm);
        json.writeStringProperty("sha256", sha256);
        Json.writeStrings(json, "ocsp", ocsp);
        Json.writeStrings(json, "caIssuers", caIssuers);
        Json.writeStrings(json, "crl", crl);
        json.writeBooleanProperty("scts", scts);
        json.writeBooleanProperty("ca", ca);
        json.writeBooleanProperty("selfSigned", selfSigned);
        json.writeStringProperty("revocation", revocation);
        json.writeEndObject();
    }
}
