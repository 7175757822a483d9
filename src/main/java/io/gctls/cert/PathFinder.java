package io.gctls.cert;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the path from the leaf to a trust anchor and says precisely why there is none.
 *
 * <p>Two stages. First the topology: from the leaf, follow issuer names (and key identifiers) through
 * the supplied certificates to an anchor, checking each signature on the way, so that a missing
 * issuer ({@code chain-incomplete}), a broken signature ({@code bad-signature}), an untrusted root
 * ({@code untrusted-root}) and a lone self-signed leaf ({@code self-signed}) are told apart, which
 * the JDK's builder cannot do (it answers "unable to find valid certification path" to all of them).
 * Then the JDK's PKIX {@link CertPathValidator} (revocation off) judges the path found: CA flags,
 * key usage of CAs, path length, signatures, critical extensions.
 *
 * <p>Validity dates are judged separately (every certificate of the served chain gets its own
 * {@code expired} finding), so the validator runs at a moment at which all of the path is valid
 * when there is one: an expired intermediate must not hide a path-length violation.
 */
final class PathFinder {

    private static final int MAX_DEPTH = 10;

    /**
     * @param path the leaf and its issuers as far as they were found, without the anchor
     * @param anchor the trust anchor the path ends at, when it reaches one
     * @param failure why there is no valid path, when there is none
     */
    record Result(List<X509Certificate> path, Optional<X509Certificate> anchor, Optional<Finding> failure) {

        /** The path reaches an anchor (it may still be invalid, e.g. an intermediate that is not a CA). */
        boolean anchored() {
            return anchor.isPresent();
        }

        boolean valid() {
            return anchored() && failure.isEmpty();
        }

        /** The path stops at a certificate whose issuer is nowhere: what a CA Issuers URL may repair. */
        boolean issuerMissing() {
            return !anchored() && failure.filter(f -> f.is(CheckCode.CHAIN_INCOMPLETE) && f.data().containsKey("fix"))
                    .isPresent();
        }

        /** The certificates a server sends after the leaf: the path without the leaf (and without the anchor). */
        List<X509Certificate> intermediates() {
            return path.subList(1, path.size()).stream().filter(c -> !Certs.selfSigned(c)).toList();
        }
    }

    private PathFinder() {
    }

    /**
     * How the failures name what was given: "the chain supplied" and "add it to --chain" for files,
     * "the served chain" and "the server must send it" for a live server.
     */
    record Wording(boolean served) {
        static final Wording FILES = new Wording(false);
        static final Wording SERVED = new Wording(true);

        String supplied() {
            return served ? "the served chain" : "the chain supplied";
        }
    }

    static Result find(X509Certificate leaf, List<X509Certificate> supplied, TrustAnchors anchors, Instant now) {
        return find(leaf, supplied, anchors, now, Wording.FILES);
    }

    static Result find(X509Certificate leaf, List<X509Certificate> supplied, TrustAnchors anchors, Instant now,
            Wording wording) {
        Result topology = topology(leaf, supplied, anchors, wording);
        if (!topology.anchored() || topology.path().size() == 1 && Certs.sameEntity(leaf, topology.anchor().get())) {
            return topology;
        }
        Optional<Finding> invalid = validate(topology.path(), topology.anchor().get(), now);
        if (invalid.isEmpty()) {
            invalid = anchorConstraints(topology.path(), topology.anchor().get());
        }
        return new Result(topology.path(), topology.anchor(), invalid);
    }

    // ------------------------------------------------------------------------------ topology

    private static Result topology(X509Certificate leaf, List<X509Certificate> supplied, TrustAnchors anchors,
            Wording wording) {
        List<X509Certificate> path = new ArrayList<>(List.of(leaf));
        Optional<X509Certificate> leafAnchor = anchors.find(leaf);
        if (leafAnchor.isPresent()) {
            return new Result(path, leafAnchor, Optional.empty()); // the leaf itself is trusted (pinned)
        }
        return extend(path, supplied, anchors, wording);
    }

    /**
     * Extends the path by one issuer, depth first. Anchors are tried before supplied certificates, and
     * every supplied issuer whose signature verifies is tried in turn: a cross-signed copy of an
     * intermediate listed first must not hide the path through the other copy. When no branch reaches
     * an anchor, the first branch's failure is the answer.
     */
    private static Result extend(List<X509Certificate> path, List<X509Certificate> supplied, TrustAnchors anchors,
            Wording wording) {
        X509Certificate child = path.get(path.size() - 1);
        if (path.size() > MAX_DEPTH) {
            return new Result(path, Optional.empty(), Optional.of(Finding.of(CheckCode.CHAIN_INCOMPLETE, "too-long",
                    child, Map.of("max", String.valueOf(MAX_DEPTH), "anchors", anchors.description()))));
        }
        List<X509Certificate> anchorIssuers = anchors.certificates().stream()
                .filter(anchor -> Certs.namesIssuer(child, anchor)).toList();
        for (X509Certificate anchor : anchorIssuers) {
            if (Certs.verifies(child, anchor.getPublicKey())) {
                return new Result(path, Optional.of(anchor), Optional.empty());
            }
        }
        X509Certificate leaf = path.get(0);
        if (Certs.selfSigned(child)) {
            return new Result(path, Optional.empty(), Optional.of(child == leaf ? selfSigned(leaf, anchors)
                    : untrustedRoot(child, anchors)));
        }
        List<X509Certificate> issuers = supplied.stream()
                .filter(c -> path.stream().noneMatch(p -> Certs.same(p, c)) && Certs.namesIssuer(child, c))
                .toList();
        Result firstFailure = null;
        for (X509Certificate issuer : issuers) {
            if (!Certs.verifies(child, issuer.getPublicKey())) {
                continue;
            }
            List<X509Certificate> longer = new ArrayList<>(path);
            longer.add(issuer);
            Result result = extend(longer, supplied, anchors, wording);
            if (result.anchored()) {
                return result;
            }
            firstFailure = firstFailure == null ? result : firstFailure;
        }
        if (firstFailure != null) {
            return firstFailure;
        }
        if (!issuers.isEmpty() || !anchorIssuers.isEmpty()) {
            X509Certificate claimed = issuers.isEmpty() ? anchorIssuers.get(0) : issuers.get(0);
            return new Result(path, Optional.empty(), Optional.of(badSignature(child, claimed)));
        }
        return new Result(path, Optional.empty(), Optional.of(missingIssuer(child, anchors, wording, "")));
    }

    private static Finding selfSigned(X509Certificate leaf, TrustAnchors anchors) {
        return Finding.of(CheckCode.SELF_SIGNED, "", leaf, Map.of("anchors", anchors.description()));
    }

    private static Finding untrustedRoot(X509Certificate root, TrustAnchors anchors) {
        return Finding.of(CheckCode.UNTRUSTED_ROOT, "", root, Map.of("anchors", anchors.description()));
    }

    private static Finding badSignature(X509Certificate child, X509Certificate issuer) {
        return Finding.of(CheckCode.BAD_SIGNATURE, "", child, Map.of("issuer", Certs.quoted(issuer)));
    }

    /**
     * @param fetch what fetching the issuer from its CA Issuers URL gave, as a clause starting with
     *     "; ", or empty when nothing was fetched
     */
    static Finding missingIssuer(X509Certificate child, TrustAnchors anchors, Wording wording, String fetch) {
        String fix;
        if (Certs.isCa(child)) {
            fix = wording.served() ? "the server must send it if it is an intermediate; if it is a root you trust,"
                    + " pass it with --trust" : "add it to --chain if it is an intermediate, or to the trust anchors"
                    + " if it is the root you trust";
        } else {
            fix = wording.served() ? "the server must send the missing intermediate after the leaf"
                    : "add the missing intermediate to --chain";
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("issuer", child.getIssuerX500Principal().getName());
        data.put("supplied", wording.supplied());
        data.put("anchors", anchors.description());
        data.put("fetch", fetch);
        data.put("fix", fix);
        return Finding.of(CheckCode.CHAIN_INCOMPLETE, "missing", child, data);
    }

    // --------------------------------------------------------------------------- validation

    private static Optional<Finding> validate(List<X509Certificate> path, X509Certificate anchor, Instant now) {
        try {
            CertPath certPath = CryptoFileReader.certificateFactory().generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(validationMoment(path, now)));
            try {
                CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
                return Optional.empty();
            } catch (CertPathValidatorException e) {
                if (e.getReason() != BasicReason.ALGORITHM_CONSTRAINED) {
                    return explain(e, path, anchor);
                }
                // The JDK refuses MD5 (and small keys) outright; weak-signature / weak-key already say
                // so. Bouncy Castle's validator has no such policy, so it judges the rest of the path.
                try {
                    CertPathValidator.getInstance("PKIX", BouncyCastle.provider()).validate(certPath, parameters);
                    return Optional.empty();
                } catch (CertPathValidatorException bc) {
                    return bc.getReason() == BasicReason.ALGORITHM_CONSTRAINED ? Optional.empty()
                            : explain(bc, path, anchor);
                }
            }
        } catch (GeneralSecurityException e) {
            return Optional.of(Finding.of(CheckCode.CHAIN_INCOMPLETE, "unvalidatable", path.get(0),
                    Map.of("anchor", Certs.quoted(anchor), "reason", CryptoFileReader.reason(e))));
        }
    }

    /** Now, if every certificate of the path is valid now; else a moment at which all of them are. */
    private static Instant validationMoment(List<X509Certificate> path, Instant now) {
        Instant from = Instant.MIN;
        Instant until = Instant.MAX;
        for (X509Certificate certificate : path) {
            Instant notBefore = certificate.getNotBefore().toInstant();
            Instant notAfter = certificate.getNotAfter().toInstant();
            from = notBefore.isAfter(from) ? notBefore : from;
            until = notAfter.isBefore(until) ? notAfter : until;
        }
        if (from.isAfter(until)) {
            return now; // no common moment: the date findings say which one is out of date
        }
        return now.isBefore(from) ? from : now.isAfter(until) ? until : now;
    }

    private static Optional<Finding> explain(CertPathValidatorException e, List<X509Certificate> path,
            X509Certificate anchor) {
        int index = e.getIndex();
        X509Certificate at = index >= 0 && index < path.size() ? path.get(index) : path.get(0);
        X509Certificate issuer = index + 1 < path.size() ? path.get(index + 1) : anchor;
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == BasicReason.INVALID_SIGNATURE) {
            return Optional.of(badSignature(at, issuer));
        }
        if (reason == PKIXReason.NOT_CA_CERT || (reason == PKIXReason.INVALID_KEY_USAGE && index > 0)) {
            String child = index > 0 ? Certs.quoted(path.get(index - 1)) : "the next certificate";
            String why = reason == PKIXReason.NOT_CA_CERT ? "it is not a CA (basicConstraints CA:TRUE is missing)"
                    : "its keyUsage does not allow certificate signing (keyCertSign)";
            return Optional.of(Finding.of(CheckCode.INTERMEDIATE_NOT_CA, "", at, Map.of("child", child, "why", why)));
        }
        if (reason == PKIXReason.PATH_TOO_LONG) {
            return Optional.of(pathLengthFinding(path, anchor).orElse(Finding.of(CheckCode.PATH_LENGTH_EXCEEDED,
                    "unknown", at, Map.of())));
        }
        if (reason == BasicReason.EXPIRED || reason == BasicReason.NOT_YET_VALID) {
            return Optional.empty(); // reported, per certificate, by the date checks
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            return Optional.of(Finding.of(CheckCode.UNTRUSTED_ROOT, "no-anchor", at,
                    Map.of("top", Certs.quoted(path.get(path.size() - 1)))));
        }
        if (reason == PKIXReason.UNRECOGNIZED_CRIT_EXT) {
            return Optional.of(Finding.of(CheckCode.CHAIN_INCOMPLETE, "critical-extension", at, Map.of()));
        }
        return Optional.of(Finding.of(CheckCode.CHAIN_INCOMPLETE, "invalid", at, Map.of("leaf",
                Certs.quoted(path.get(0)), "anchor", Certs.quoted(anchor), "reason", CryptoFileReader.reason(e))));
    }

    /**
     * RFC 5280 leaves constraints of the trust anchor itself to the relying party, and the JDK ignores
     * them; browsers and OpenSSL apply a root's pathLen and CA flag, so gctls does too.
     */
    private static Optional<Finding> anchorConstraints(List<X509Certificate> path, X509Certificate anchor) {
        boolean issuesCas = path.size() > 1;
        if (issuesCas && anchor.getVersion() >= 3 && !Certs.isCa(anchor)) {
            return Optional.of(Finding.of(CheckCode.INTERMEDIATE_NOT_CA, "anchor", anchor,
                    Map.of("child", Certs.quoted(path.get(path.size() - 1)))));
        }
        return pathLengthFinding(path, anchor);
    }

    /** The first CA (from the top) whose pathLenConstraint the intermediates below it exceed. */
    private static Optional<Finding> pathLengthFinding(List<X509Certificate> path, X509Certificate anchor) {
        List<X509Certificate> chain = new ArrayList<>(path);
        chain.add(anchor);
        for (int i = chain.size() - 1; i >= 1; i--) {
            int limit = chain.get(i).getBasicConstraints();
            if (limit < 0 || limit == Integer.MAX_VALUE) {
                continue;
            }
            // intermediates strictly between this CA and the leaf; self-issued ones do not count (RFC 5280 6.1.4)
            long below = chain.subList(1, i).stream().filter(c -> !Certs.selfIssued(c)).count();
            if (below > limit) {
                X509Certificate ca = chain.get(i);
                return Optional.of(Finding.of(CheckCode.PATH_LENGTH_EXCEEDED, "", ca,
                        Map.of("limit", String.valueOf(limit), "below", String.valueOf(below))));
            }
        }
        return Optional.empty();
    }
}
