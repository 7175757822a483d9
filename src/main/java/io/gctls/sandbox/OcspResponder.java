package io.gctls.sandbox;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Function;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP responder (RFC 6960) on Bouncy Castle's OCSP classes, for one issuing CA: it answers good,
 * revoked (with reason and date) or unknown per serial, signs with the CA's key or a delegated
 * responder's, echoes the request's nonce and dates its answer from the clock it is given. The
 * sandbox serves it at {@code /ocsp}; tests put it behind their own network.
 */
public final class OcspResponder {

    /** What the responder says about one serial. */
    public sealed interface Status {
        Status GOOD = new Good();

        record Good() implements Status {
        }

        /** @param reason an RFC 5280 CRLReason code, e.g. {@code 1} for keyCompromise */
        record Revoked(Instant at, int reason) implements Status {
        }

        record Unknown() implements Status {
        }
    }

    /** How long an answer is good for (its nextUpdate). */
    static final Duration VALID_FOR = Duration.ofDays(1);

    private final X509Certificate issuer;
    private final X509Certificate signer;
    private final PrivateKey signingKey;
    private final Function<BigInteger, Status> statuses;
    private final Clock clock;

    /**
     * @param signer the issuer itself, or a responder certificate it issued with id-kp-OCSPSigning
     * @param statuses the status of each serial the issuer issued; {@link Status.Unknown} for the rest
     */
    public OcspResponder(X509Certificate issuer, X509Certificate signer, PrivateKey signingKey,
            Function<BigInteger, Status> statuses, Clock clock) {
        this.issuer = issuer;
        this.signer = signer;
        this.signingKey = signingKey;
        this.statuses = statuses;
        this.clock = clock;
    }

    /** The DER answer to a DER request; a malformed request gets the {@code malformedRequest} status. */
    public byte[] respond(byte[] request) {
        try {
            OCSPReq ocspRequest;
            try {
                ocspRequest = new OCSPReq(request);
            } catch (IOException | RuntimeException e) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            X509CertificateHolder signerHolder = new JcaX509CertificateHolder(signer);
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(signerHolder.getSubject()));
            Extension nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            Instant now = clock.instant();
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            for (Req one : ocspRequest.getRequestList()) {
                CertificateID id = one.getCertID();
                boolean issuedByUs = id.matchesIssuer(issuerHolder, new JcaDigestCalculatorProviderBuilder().build());
                CertificateStatus status = issuedByUs ? status(statuses.apply(id.getSerialNumber()))
                        : new UnknownStatus();
                builder.addResponse(id, status, Date.from(now), Date.from(now.plus(VALID_FOR)), null);
            }
            String algorithm = signingKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).build(signingKey);
            X509CertificateHolder[] chain = signer.equals(issuer) ? null : new X509CertificateHolder[] {signerHolder};
            BasicOCSPResp basic = builder.build(contentSigner, chain, Date.from(now));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("the OCSP responder cannot sign its answer", e);
        }
    }

    private static CertificateStatus status(Status status) {
        if (status instanceof Status.Revoked revoked) {
            return new RevokedStatus(Date.from(revoked.at()), revoked.reason());
        }
        if (status instanceof Status.Unknown) {
            return new UnknownStatus();
        }
        return CertificateStatus.GOOD;
    }
}
