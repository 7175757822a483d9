package io.gctls.shell.command;

import io.gctls.cert.InspectRequest;
import io.gctls.core.GctlsException;
import io.gctls.payload.CustomDomainPayload;
import io.gctls.payload.PayloadSettings;
import io.gctls.rotate.Planner;
import io.gctls.rotate.Source;
import io.gctls.auth.ApiSession;
import io.gctls.sandbox.Sandbox;
import io.gctls.shell.ConnectionOptions;
import io.gctls.shell.Invocation;
import io.gctls.shell.SandboxControl;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.PayloadFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options {@code rotate plan} and {@code rotate apply} share: where the bundles are and how they are judged. */
final class RotateOptions {

    static final Opt<Path> MANIFEST = OptionSpec.file("manifest", "CSV with the header "
            + "domain,cert,key,chain,password_file, or YAML (a list of maps with those keys); paths relative to it");
    static final Opt<Path> DIR = OptionSpec.file("dir", "a folder of folders: D/<domain>/cert.pem, key.pem, "
            + "optional chain.pem and password.txt");
    static final Opt<Path> TRUST = OptionSpec.file("trust", "trusted root(s) every chain is judged against "
            + "(default: the JDK's trust store)");
    static final Opt<Integer> WARN_DAYS = OptionSpec.integer("warn-days", "N", InspectRequest.DEFAULT_WARN_DAYS,
            "expires-soon when a leaf expires within N days").atLeast(0);
    static final Opt<Boolean> OFFLINE = OptionSpec.flag("offline", "inspect without AIA, OCSP or CRL fetches");

    private RotateOptions() {
    }

    /** The source and judging options, then the payload options, then the command's own. */
    static OptionSpec[] with(OptionSpec... own) {
        List<OptionSpec> all = new ArrayList<>(List.of(MANIFEST, DIR, TRUST, WARN_DAYS, OFFLINE));
        all.addAll(PayloadFactory.PAYLOAD_OPTIONS);
        all.addAll(List.of(own));
        return ConnectionOptions.with(all.toArray(OptionSpec[]::new));
    }

    /** {@code --manifest F} or {@code --dir D}: exactly one. */
    static Source source(Invocation invocation) {
        Optional<Path> manifest = invocation.optional(MANIFEST);
        Optional<Path> dir = invocation.optional(DIR);
        if (manifest.isPresent() == dir.isPresent()) {
            throw GctlsException.usage("'" + invocation.commandName() + "' needs --manifest FILE or --dir FOLDER"
                    + (manifest.isPresent() ? ", not both" : ""));
        }
        return manifest.map(Source::manifest).orElseGet(() -> Source.dir(dir.orElseThrow()));
    }

    /**
     * @param sandboxTrust the seed's root when the connection is the sandbox: the trust anchor when
     *     {@code --trust} is not given (said in a note)
     */
    static Optional<Path> sandboxTrust(ApiSession.Connected connected, SandboxControl sandbox) {
        return connected.connection().sandbox() ? sandbox.running().flatMap(Sandbox::seedTrust) : Optional.empty();
    }

    static Planner.Options plan(Invocation invocation, Optional<Path> sandboxTrust) {
        String tls = PayloadSettings.tlsVersion(invocation.get(PayloadFactory.TLS_VERSION));
        Optional<Path> trust = invocation.optional(TRUST);
        if (trust.isEmpty() && sandboxTrust.isPresent()) {
            trust = sandboxTrust;
            invocation.out().note("judging the bundles against the sandbox seed's root " + trust.get()
                    + " (no --trust given)");
        }
        return new Planner.Options(trust, invocation.get(WARN_DAYS), invocation.get(OFFLINE),
                new PayloadSettings(tls, invocation.get(PayloadFactory.OCSP_STAPLING), CustomDomainPayload.TYPE_WEB),
                Planner.Options.defaultThreads());
    }
}
