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
 * the same options, the same environment fallbacks (docs/configuration.md "Environment": {@code CERT_PATH}, {@code KEY_PATH},
 * {@code CHAIN_PATH}, {@code TARGET_DOMAIN}; flags beat them), so that what deploy sends is what
 * inspect judged.
 */
public final class CertInputs {

    public static final Opt<Path> CERT = OptionSpec.file("cert", "the certificate, PEM or DER, may be followed by its "
            + "chain; or a PKCS#12 (.p12/.pfx) or JKS file with leaf, key and chain (or CERT_PATH)");
    public static final Opt<Path> CHAIN = OptionSpec.file("chain", "the intermediates (or CHAIN_PATH)");
    public static final Opt<String> DOMAIN = OptionSpec.value("domain", "NAME",
            "the name the certificate must cover (or TARGET_DOMAIN)").completing(Completion.DOMAIN_NAMES);
    public static final Opt<Path> TRUST = OptionSpec.file("trust",
            "trusted root(s), PEM or DER (default: the JDK trust store)");
    public static final Opt<Path> PASSWORD_FILE = OptionSpec.file("password-file", "the key's (or PKCS#12/JKS "
            + "file's) password, first line (else GCTLS_KEY_PASSWORD, else asked)");
    public static final Opt<String> ALIAS = OptionSpec.value("alias", "NAME",
            "the key entry to take from a PKCS#12 or JKS --cert file");
    public static final Opt<Boolean> OFFLINE = OptionSpec.flag("offline",
            "no AIA, OCSP or CRL fetch (chain repair and revocation are skipped)");
    public static final Opt<Integer> WARN_DAYS = OptionSpec.integer("warn-days", "N", InspectRequest.DEFAULT_WARN_DAYS,
            "warn when the leaf expires within N days").atLeast(0);

    private CertInputs() {
    }

    /** {@code --key}, described as the command uses the key. */
    public static Opt<Path> key(String description) {
        return OptionSpec.file("key", description + " (or KEY_PATH)");
    }

    private static final Opt<Path> KEY = key("the private key");

    public static List<OptionSpec> options(String keyDescription) {
        return List.of(CERT, key(keyDescription), CHAIN, DOMAIN, TRUST, PASSWORD_FILE, ALIAS, OFFLINE, WARN_DAYS);
    }

    /** The option specs followed by a command's own, as one array for {@link GctlsCommand}'s constructor. */
    public static OptionSpec[] with(String keyDescription, OptionSpec... own) {
        List<OptionSpec> all = new ArrayList<>(options(keyDescription));
        all.addAll(List.of(own));
        return all.toArray(OptionSpec[]::new);
    }

    public static boolean given(Invocation invocation, Environment environment) {
        return invocation.given(CERT) || environment.get("CERT_PATH").isPresent();
    }

    public static InspectRequest request(Invocation invocation, Environment environment) {
        Path cert = file(invocation, environment, CERT, "CERT_PATH").orElseThrow(() -> GctlsException.usage(
                "'" + invocation.commandName() + "' needs --cert FILE (or CERT_PATH) (see: help "
                        + invocation.commandName() + ")"));
        return new InspectRequest(cert, file(invocation, environment, KEY, "KEY_PATH"),
                file(invocation, environment, CHAIN, "CHAIN_PATH"), domain(invocation, environment),
                invocation.optional(TRUST), invocation.optional(PASSWORD_FILE), invocation.get(WARN_DAYS),
                invocation.get(OFFLINE), invocation.optional(ALIAS));
    }

    public static Optional<String> domain(Invocation invocation, Environment environment) {
        // normalised where it is read, so the checks, the payload and the requests all see one form of it
        return invocation.optional(DOMAIN).map(d -> DomainName.normalize(d, "--domain"))
                .or(() -> environment.get("TARGET_DOMAIN").map(d -> DomainName.normalize(d, "TARGET_DOMAIN")));
    }

    private static Optional<Path> file(Invocation invocation, Environment environment, Opt<Path> option,
            String variable) {
        return invocation.optional(option).or(() -> environment.get(variable).map(Path::of));
    }
}
