package io.gctls.payload;

import io.gctls.cert.CertificateBundle;
import io.gctls.cert.Finding;
import io.gctls.cert.Fingerprints;
import io.gctls.cert.Inspection;
import io.gctls.cert.Severity;
import io.gctls.cert.Verdict;
import io.gctls.core.GctlsException;
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
                bundle.servingChain().size(), bundle.keySummary().get(), bundle.fixups(), warnings);
    }

    private static String summary(List<Finding> errors) {
        String codes = errors.stream().map(Finding::code).distinct().collect(Collectors.joining(", "));
        return errors.isEmpty() ? "see the findings" : codes + ": " + errors.get(0).message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }
}
