package io.gctls.payload;

import io.gctls.cert.CertificateBundle;
import io.gctls.cert.CheckCode;
import io.gctls.cert.Finding;
import io.gctls.cert.Fingerprints;
import io.gctls.cert.Inspection;
import io.gctls.cert.Severity;
import io.gctls.cert.Verdict;
import io.gctls.core.GctlsException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the custom-domain body from the bundle {@code cert inspect} judged, with its fix-ups:
 * PEM (from DER), no BOM, the chain in serving order without the root, repeats or strays, and the
 * key as unencrypted PKCS#8. A verdict of error stops here: nothing is built, nothing is sent.
 */
public final class PayloadBuilder {

    private PayloadBuilder() {
    }

    public static BuiltPayload build(Inspection inspection, String domain, PayloadSettings settings) {
        List<Finding> errors = inspection.report().findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .toList();
        if (inspection.verdict() == Verdict.ERROR) {
            throw GctlsException.input("the certificate verdict is error (" + summary(errors) + "); nothing was "
                    + "built and nothing was sent (see: cert inspect)");
        }
        CertificateBundle bundle = inspection.bundle().orElseThrow(() -> GctlsException.input(
                "no certificate could be read; nothing was built"));
        if (bundle.privateKeyPem().isEmpty() || bundle.keySummary().isEmpty()) {
            throw GctlsException.input("the payload needs the private key: give --key FILE");
        }
        CustomDomainPayload payload = new CustomDomainPayload(domain, bundle.leafPem(),
                bundle.privateKeyPem().get().reveal(), bundle.servingChain().isEmpty() ? null
                        : bundle.servingChainPem(), settings.type(), settings.tlsVersion(), settings.ocspStapling());
        List<String> warnings = inspection.report().findings().stream().filter(f -> f.severity() == Severity.WARN)
                .map(f -> f.code() + ": " + f.message()).toList();
        return new BuiltPayload(payload, inspection.verdict(), Fingerprints.sha256Hex(bundle.leaf()), bundle.leaf()
                .getSubjectX500Principal().getName(), bundle.leaf().getNotAfter().toInstant().toString(),
                bundle.servingChain().size(), bundle.keySummary().get(), fixups(inspection), warnings);
    }

    /**
     * What the payload changes from what was given, one phrase each: the inspector reports the facts
     * (encodings, the key's form, the chain as given against the chain to serve), the payload decides.
     */
    public static List<String> fixups(Inspection inspection) {
        CertificateBundle bundle = inspection.bundle().orElseThrow();
        List<String> fixups = new ArrayList<>();
        for (CertificateBundle.Encoding e : bundle.encodings()) {
            if (e.der()) {
                fixups.add("converted DER to PEM (" + e.file() + ")");
            }
            if (e.bom()) {
                fixups.add("stripped a byte-order mark (" + e.file() + ")");
            }
            if (e.crlf()) {
                fixups.add("normalised CRLF line endings (" + e.file() + ")");
            }
            if (e.textAround()) {
                fixups.add("dropped text outside the PEM blocks (" + e.file() + ")");
            }
            if (e.pkcs7()) {
                fixups.add("unpacked the PKCS#7 bundle (" + e.file() + ")");
            }
            if (e.keystore()) {
                fixups.add("took the leaf, key and chain out of the keystore (" + e.file() + ")");
            }
        }
        bundle.key().ifPresent(key -> {
            if (key.fromCertFile()) {
                fixups.add("used the private key found in " + key.file());
            }
            if (key.encrypted()) {
                fixups.add("decrypted the " + key.format() + " key");
            } else if (!key.format().equals("PKCS#8")) {
                fixups.add("converted the " + key.format() + " key to PKCS#8");
            }
        });
        chainFixups(bundle, fixups);
        if (inspection.report().has(CheckCode.CHAIN_OUT_OF_ORDER)) {
            fixups.add("reordered the chain to serving order");
        }
        for (CertificateBundle.Fetched fetched : bundle.fetched()) {
            fixups.add("added " + CertificateBundle.quoted(fetched.certificate()) + ", fetched from " + fetched.url()
                    + " (AIA): no file supplied it");
        }
        return fixups;
    }

    /** Compares the chain as given with the chain to serve: what was dropped, and why. */
    private static void chainFixups(CertificateBundle bundle, List<String> fixups) {
        List<X509Certificate> seen = new ArrayList<>();
        boolean leafDropped = false;
        boolean anchorDropped = false;
        for (X509Certificate c : bundle.chainAsGiven()) {
            boolean repeat = seen.stream().anyMatch(c::equals);
            seen.add(c);
            if (c.equals(bundle.leaf())) {
                if (!leafDropped) {
                    fixups.add("dropped the repeated leaf");
                    leafDropped = true;
                }
            } else if (bundle.trustAnchor().filter(a -> CertificateBundle.sameEntity(a, c)).isPresent()) {
                if (!anchorDropped) {
                    fixups.add("dropped the trust anchor " + CertificateBundle.quoted(c) + " from the chain");
                    anchorDropped = true;
                }
            } else if (repeat) {
                fixups.add("dropped a repeated copy of " + CertificateBundle.quoted(c));
            } else if (bundle.servingChain().stream().noneMatch(c::equals)) {
                fixups.add("dropped " + CertificateBundle.quoted(c) + " (not on the path)");
            }
        }
    }

    private static String summary(List<Finding> errors) {
        String codes = errors.stream().map(Finding::code).distinct().collect(Collectors.joining(", "));
        return errors.isEmpty() ? "see the findings" : codes + ": " + errors.get(0).message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }
}
