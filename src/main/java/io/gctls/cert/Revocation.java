package io.gctls.cert;

import io.gctls.core.Cancellation;
import io.gctls.core.GctlsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Is a certificate revoked? OCSP first (RFC 6960, with Bouncy Castle's OCSP classes): a request
 * with a nonce, a response whose signature must verify with the issuer's key or with a responder
 * certificate the issuer delegated (id-kp-OCSPSigning), the nonce echoed when the responder echoes
 * one, and thisUpdate/nextUpdate current. The CRL (RFC 5280) is the fallback when OCSP gives no
 * usable answer: signed by the issuer and current. A stapled response (probe) is judged the same way
 * without a fetch.
 */
final class Revocation {

    static final int MAX_OCSP_BYTES = 64 * 1024;
    static final int MAX_CRL_BYTES = 10 * 1024 * 1024;
    /** Clocks disagree: an answer a few minutes "from the future" or just past nextUpdate is still fine. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** An OCSP answer without nextUpdate is taken for this long after its thisUpdate. */
    static final Duration NO_NEXT_UPDATE_LIMIT = Duration.ofDays(4);

    /** The answer for one certificate. */
    record Outcome(State state, String via, String reason, Instant revokedAt, String why) {
        static Outcome good(String via) {
            return new Outcome(State.GOOD, via, null, null, null);
        }

        static Outcome revoked(String via, String reason, Instant at) {
            return new Outcome(State.REVOKED, via, reason, at, null);
        }

        static Outcome unknown(String why) {
            return new Outcome(State.UNKNOWN, null, null, null, why);
        }

        static Outcome notChecked(String why) {
            return new Outcome(State.NOT_CHECKED, null, null, null, why);
        }

        /** For the certificate details: {@code good (OCSP)}, {@code revoked (CRL) ...}, {@code unknown: ...}. */
        String describe() {
            return switch (state) {
                case GOOD -> "good (" + via + ")";
                case REVOKED -> "revoked (" + via + ")" + (reason == null ? "" : ", " + reason)
                        + (revokedAt == null ? "" : " on " + CertificateChecks.date(revokedAt));
                case UNKNOWN -> "unknown: " + why;
                case NOT_CHECKED -> "not checked: " + why;
            };
        }
    }

    enum State { GOOD, REVOKED, UNKNOWN, NOT_CHECKED }

    private final Network network;
    private final NetworkLog log;
    private final Instant now;
    private final Cancellation cancellation;
    private final SecureRandom random = new SecureRandom();

    Revocation(Network network, NetworkLog log, Instant now, Cancellation cancellation) {
        this.network = network;
        this.log = log;
        this.now = now;
        this.cancellation = cancellation;
    }

    /**
     * @param stapled a stapled OCSP response for this certificate, when a server sent one
     */
    Outcome check(X509Certificate certificate, X509Certificate issuer, Optional<byte[]> stapled) {
        if (stapled.isPresent()) {
            Outcome fromStaple = ocspAnswer(stapled.get(), certificate, issuer, null, "stapled OCSP");
            if (fromStaple.state() != State.UNKNOWN) {
                return fromStaple;
            }
        }
        List<String> ocsp = Describer.httpOnly(Describer.ocspUrls(certificate));
        List<String> crls = Describer.httpOnly(Describer.crlUrls(certificate));
        if (ocsp.isEmpty() && crls.isEmpty()) {
            return Outcome.notChecked("no OCSP or CRL location");
        }
        Outcome answer = null;
        for (String url : ocsp) {
            answer = ocsp(url, certificate, issuer);
            if (answer.state() != State.UNKNOWN) {
                return answer;
            }
        }
        Outcome ocspFailure = answer;
        for (String url : crls) {
            answer = crl(url, certificate, issuer);
            if (answer.state() != State.UNKNOWN) {
                return answer;
            }
        }
        if (ocspFailure != null && answer != ocspFailure) {
            return Outcome.unknown(ocspFailure.why() + "; " + answer.why());
        }
        return answer;
    }

    // ---------------------------------------------------------------------------------- OCSP

    private Outcome ocsp(String url, X509Certificate certificate, X509Certificate issuer) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        byte[] request;
        try {
            OCSPReqBuilder builder = new OCSPReqBuilder();
            builder.addRequest(certificateId(certificate, issuer));
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(nonce))));
            OCSPReq built = builder.build();
            request = built.getEncoded();
        } catch (OCSPException | IOException | OperatorCreationException | CertificateException e) {
            return Outcome.unknown("no OCSP request could be made (" + CryptoFileReader.reason(e) + ")");
        }
        long started = System.nanoTime();
        try {
            Network.Response response = network.post(URI.create(url), "application/ocsp-request", request,
                    MAX_OCSP_BYTES, cancellation);
            if (!response.ok()) {
                log.add(url, "OCSP", "HTTP " + response.status(), started);
                return Outcome.unknown("the OCSP responder " + url + " answered HTTP " + response.status());
            }
            Outcome outcome = ocspAnswer(response.body(), certificate, issuer, nonce, "OCSP");
            log.add(url, "OCSP", outcome.describe(), started);
            return outcome.state() == State.UNKNOWN ? Outcome.unknown("the OCSP responder " + url + ": "
                    + outcome.why()) : outcome;
        } catch (GctlsException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            log.add(url, "OCSP", "failed: " + e.getMessage(), started);
            return Outcome.unknown("the OCSP responder " + url + " is unreachable (" + e.getMessage() + ")");
        }
    }

    private static CertificateID certificateId(X509Certificate certificate, X509Certificate issuer)
            throws OperatorCreationException, CertificateException, OCSPException {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        return new CertificateID(digests.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer),
                certificate.getSerialNumber());
    }

    /** Judges an OCSP response: status, signature and responder, nonce, freshness, then the certificate's status. */
    private Outcome ocspAnswer(byte[] bytes, X509Certificate certificate, X509Certificate issuer, byte[] nonce,
            String via) {
        try {
            OCSPResp response = new OCSPResp(bytes);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                return Outcome.unknown("the responder refused to answer (" + responseStatus(response.getStatus())
                        + ")");
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                return Outcome.unknown("the answer is not a basic OCSP response");
            }
            Optional<String> unauthorised = verifyResponder(basic, issuer);
            if (unauthorised.isPresent()) {
                return Outcome.unknown(unauthorised.get());
            }
            Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null && echoed != null && !Arrays.equals(nonceOf(echoed), nonce)) {
                return Outcome.unknown("the answer carries another request's nonce (a replayed answer?)");
            }
            CertificateID id = certificateId(certificate, issuer);
            for (SingleResp single : basic.getResponses()) {
                if (!single.getCertID().equals(id)) {
                    continue;
                }
                Optional<String> stale = stale(single.getThisUpdate(), single.getNextUpdate());
                if (stale.isPresent()) {
                    return Outcome.unknown(stale.get());
                }
                CertificateStatus status = single.getCertStatus();
                if (status == CertificateStatus.GOOD) {
                    return Outcome.good(via);
                }
                if (status instanceof RevokedStatus revoked) {
                    return Outcome.revoked(via, revoked.hasRevocationReason()
                            ? reasonName(revoked.getRevocationReason()) : null,
                            revoked.getRevocationTime().toInstant());
                }
                if (status instanceof UnknownStatus) {
                    return Outcome.unknown("the responder does not know the certificate");
                }
            }
            return Outcome.unknown("the answer is about other certificates");
        } catch (IOException | OCSPException | OperatorCreationException | CertificateException | RuntimeException e) {
            return Outcome.unknown("the answer cannot be read (" + CryptoFileReader.reason(e) + ")");
        }
    }

    private static byte[] nonceOf(Extension extension) {
        byte[] value = extension.getExtnValue().getOctets();
        try {
            return ASN1OctetString.getInstance(value).getOctets(); // RFC 8954: an OCTET STRING inside
        } catch (RuntimeException e) {
            return value; // some responders put the raw bytes
        }
    }

    /**
     * The signer must be the issuer itself, or a certificate the issuer signed for OCSP signing
     * (RFC 6960 4.2.2.2); anyone else's answer is not authoritative.
     */
    private static Optional<String> verifyResponder(BasicOCSPResp basic, X509Certificate issuer)
            throws OperatorCreationException, CertificateException, OCSPException {
        if (signedBy(basic, issuer.getPublicKey())) {
            return Optional.empty();
        }
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : basic.getCerts()) {
            X509Certificate responder = converter.getCertificate(holder);
            if (!signedBy(basic, responder.getPublicKey())) {
                continue;
            }
            if (!Certs.verifies(responder, issuer.getPublicKey())) {
                return Optional.of("the responder " + Certs.quoted(responder) + " signed the answer, but the issuer "
                        + Certs.quoted(issuer) + " did not authorise it (unauthorised responder)");
            }
            if (!ocspSigning(responder)) {
                return Optional.of("the responder " + Certs.quoted(responder) + " lacks the OCSPSigning extended key"
                        + " usage (unauthorised responder)");
            }
            return Optional.empty();
        }
        return Optional.of("the answer's signature verifies neither with the issuer's key nor with a responder"
                + " certificate it sent (unauthorised responder)");
    }

    /** A key of another type than the signature's (an RSA issuer, an EC responder) simply did not sign it. */
    private static boolean signedBy(BasicOCSPResp basic, PublicKey key) {
        try {
            return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OCSPException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean ocspSigning(X509Certificate responder) {
        try {
            List<String> usages = responder.getExtendedKeyUsage();
            return usages != null && usages.contains("1.3.6.1.5.5.7.3.9");
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private Optional<String> stale(Date thisUpdate, Date nextUpdate) {
        if (thisUpdate == null) {
            return Optional.of("the answer has no thisUpdate");
        }
        if (thisUpdate.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("the answer is dated " + thisUpdate.toInstant() + ", in the future (stale answer or"
                    + " a wrong clock)");
        }
        Instant until = nextUpdate != null ? nextUpdate.toInstant() : thisUpdate.toInstant().plus(NO_NEXT_UPDATE_LIMIT);
        if (until.plus(CLOCK_SKEW).isBefore(now)) {
            return Optional.of("stale answer: valid until " + until);
        }
        return Optional.empty();
    }

    private static String responseStatus(int status) {
        return switch (status) {
            case OCSPResp.MALFORMED_REQUEST -> "malformedRequest";
            case OCSPResp.INTERNAL_ERROR -> "internalError";
            case OCSPResp.TRY_LATER -> "tryLater";
            case OCSPResp.SIG_REQUIRED -> "sigRequired";
            case OCSPResp.UNAUTHORIZED -> "unauthorized";
            default -> "status " + status;
        };
    }

    static String reasonName(int reason) {
        return switch (reason) {
            case CRLReason.unspecified -> "unspecified";
            case CRLReason.keyCompromise -> "keyCompromise";
            case CRLReason.cACompromise -> "cACompromise";
            case CRLReason.affiliationChanged -> "affiliationChanged";
            case CRLReason.superseded -> "superseded";
            case CRLReason.cessationOfOperation -> "cessationOfOperation";
            case CRLReason.certificateHold -> "certificateHold";
            case CRLReason.removeFromCRL -> "removeFromCRL";
            case CRLReason.privilegeWithdrawn -> "privilegeWithdrawn";
            case CRLReason.aACompromise -> "aACompromise";
            default -> "reason " + reason;
        };
    }

    // ----------------------------------------------------------------------------------- CRL

    private Outcome crl(String url, X509Certificate certificate, X509Certificate issuer) {
        long started = System.nanoTime();
        try {
            Network.Response response = network.get(URI.create(url), MAX_CRL_BYTES, cancellation);
            if (!response.ok()) {
                log.add(url, "CRL", "HTTP " + response.status(), started);
                return Outcome.unknown("the CRL " + url + " answered HTTP " + response.status());
            }
            X509CRL crl = (X509CRL) CryptoFileReader.certificateFactory()
                    .generateCRL(new ByteArrayInputStream(response.body()));
            Outcome outcome = judgeCrl(crl, certificate, issuer);
            log.add(url, "CRL", outcome.describe(), started);
            return outcome.state() == State.UNKNOWN ? Outcome.unknown("the CRL " + url + ": " + outcome.why())
                    : outcome;
        } catch (GctlsException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            log.add(url, "CRL", "failed: " + e.getMessage(), started);
            return Outcome.unknown("the CRL " + url + " is unreachable (" + e.getMessage() + ")");
        } catch (java.security.cert.CRLException | RuntimeException e) {
            log.add(url, "CRL", "unreadable", started);
            return Outcome.unknown("the CRL " + url + " cannot be read (" + CryptoFileReader.reason(e) + ")");
        }
    }

    private Outcome judgeCrl(X509CRL crl, X509Certificate certificate, X509Certificate issuer) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return Outcome.unknown("it is issued by " + crl.getIssuerX500Principal().getName() + ", not by the issuer");
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return Outcome.unknown("its signature does not verify with the issuer's key");
        }
        Optional<String> stale = stale(crl.getThisUpdate(), crl.getNextUpdate());
        if (stale.isPresent()) {
            return Outcome.unknown(stale.get());
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry == null) {
            return Outcome.good("CRL");
        }
        String reason = entry.getRevocationReason() == null ? null
                : entry.getRevocationReason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Outcome.revoked("CRL", reason, entry.getRevocationDate().toInstant());
    }
}
