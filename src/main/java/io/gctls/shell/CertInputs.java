package io.gctls.shell;

import io.gctls.cert.InspectRequest;
import io.gctls.core.DomainName;
import io.gctls.core.Environment;
import io.gctls.core.GctlsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The certificate inputs shared by {@code cert inspect}, {@code payload ...} and {@code deploy}:
 * the same options, the same environment fallbacks (SPEC §7: {@code CERT_PATH}, {@code KEY_PATH},
 * {@code CHAIN_PATH}, {@code TARGET_DOMAIN}; flags beat them), so that what deploy sends is what
 * inspect judged.
 */
public final class CertInputs {

    private CertInputs() {
    }

    public static List<OptionSpec> options(String keyDescription) {
        return List.of(
                OptionSpec.file("cert", "the certificate, PEM or DER, may be followed by its chain; or a PKCS#12"
                        + " (.p12/.pfx) or JKS file with leaf, key and chain (or CERT_PATH)"),
                OptionSpec.file("key", keyDescription + " (or KEY_PATH)"),
                OptionSpec.file("chain", "the intermediates (or CHAIN_PATH)"),
                OptionSpec.value("domain", "NAME", "the name the certificate must cover (or TARGET_DOMAIN)"),
                OptionSpec.file("trust", "trusted root(s), PEM or DER (default: the JDK trust store)"),
                OptionSpec.file("password-file", "the key's (or PKCS#12/JKS file's) password, first line (else"
                        + " GCTLS_KEY_PASSWORD, else asked)"),
                OptionSpec.value("alias", "NAME", "the key entry to take from a PKCS#12 or JKS --cert file"),
                OptionSpec.flag("offline", "no AIA, OCSP or CRL fetch (chain repair and revocation are skipped)"),
                OptionSpec.value("warn-days", "N", "warn when the leaf expires within N days")
                        .defaultValue(String.valueOf(InspectRequest.DEFAULT_WARN_DAYS)));
    }

    /** The option specs followed by a command's own, as one array for {@link GctlsCommand}'s constructor. */
    public static OptionSpec[] with(String keyDescription, OptionSpec... own) {
        List<OptionSpec> all = new ArrayList<>(options(keyDescription));
        all.addAll(List.of(own));
        return all.toArray(OptionSpec[]::new);
    }

    public static boolean given(Invocation invocation, Environment environment) {
        return invocation.has("cert") || environment.get("CERT_PATH").isPresent();
    }

    public static InspectRequest request(Invocation invocation, Environment environment) {
        Path cert = file(invocation, environment, "cert", "CERT_PATH").orElseThrow(() -> GctlsException.usage(
                "'" + invocation.commandName() + "' needs --cert FILE (or CERT_PATH) (see: help "
                        + invocation.commandName() + ")"));
        int warnDays = invocation.integer("warn-days", InspectRequest.DEFAULT_WARN_DAYS);
        if (warnDays < 0) {
            throw GctlsException.usage("--warn-days must be 0 or more, not " + warnDays);
        }
        return new InspectRequest(cert, file(invocation, environment, "key", "KEY_PATH"),
                file(invocation, environment, "chain", "CHAIN_PATH"), domain(invocation, environment),
                invocation.path("trust"), invocation.path("password-file"), warnDays, invocation.flag("offline"),
                invocation.string("alias"));
    }

    public static Optional<String> domain(Invocation invocation, Environment environment) {
        // normalised where it is read, so the checks, the payload and the requests all see one form of it
        return invocation.string("domain").map(d -> DomainName.normalize(d, "--domain"))
                .or(() -> environment.get("TARGET_DOMAIN").map(d -> DomainName.normalize(d, "TARGET_DOMAIN")));
    }

    private static Optional<Path> file(Invocation invocation, Environment environment, String option,
            String variable) {
        return invocation.path(option).or(() -> environment.get(variable).map(Path::of));
    }
}
