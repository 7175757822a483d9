package io.gctls.shell;

import io.gctls.cert.CertInspector;
import io.gctls.cert.InspectRequest;
import io.gctls.cert.Inspection;
import io.gctls.core.Environment;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.gctls.payload.BuiltPayload;
import io.gctls.payload.CustomDomainPayload;
import io.gctls.payload.PayloadBuilder;
import io.gctls.payload.PayloadSettings;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Validate, then build the body of docs/api.md "Custom domains (B)": what {@code payload build|preview|save} and {@code deploy}
 * share. The session keeps the last payload built, so that {@code payload preview} and
 * {@code payload save} at the prompt work on it without the options again.
 */
public class PayloadFactory {

    /** The options of the body itself, on top of the certificate inputs. */
    // a plain value, not a choice: TLSv1.1 must be refused as input (exit 3), not as a typo (exit 2)
    public static final Opt<String> TLS_VERSION = OptionSpec.value("tls-version", "TLSv1.2|TLSv1.3",
            "minimum TLS version served").defaultValue(PayloadSettings.TLS_12);
    public static final Opt<Boolean> OCSP_STAPLING = OptionSpec.flag("ocsp-stapling",
            "ask the platform to staple OCSP responses");
    public static final List<OptionSpec> PAYLOAD_OPTIONS = List.of(TLS_VERSION, OCSP_STAPLING);

    private final CertInspector inspector;
    private final Environment environment;
    private final Metrics metrics;
    private final AtomicReference<BuiltPayload> last = new AtomicReference<>();

    public PayloadFactory(CertInspector inspector, Environment environment, Metrics metrics) {
        this.inspector = inspector;
        this.environment = environment;
        this.metrics = metrics;
    }

    public static OptionSpec[] options(OptionSpec... own) {
        List<OptionSpec> all = new java.util.ArrayList<>(PAYLOAD_OPTIONS);
        all.addAll(List.of(own));
        return CertInputs.with("its private key: PKCS#1, PKCS#8, SEC1, encrypted or not", all.toArray(
                OptionSpec[]::new));
    }

    /** Builds from the invocation's options, or hands back the session's last payload when none are given. */
    public BuiltPayload buildOrLast(Invocation invocation) {
        if (CertInputs.given(invocation, environment)) {
            return build(invocation);
        }
        BuiltPayload previous = last.get();
        if (previous == null) {
            throw GctlsException.usage("no payload built yet in this session: give --cert, --key and --domain (or "
                    + "run: payload build ...)");
        }
        return previous;
    }

    public BuiltPayload build(Invocation invocation) {
        String tls = PayloadSettings.tlsVersion(invocation.get(TLS_VERSION));
        PayloadSettings settings = new PayloadSettings(tls, invocation.get(OCSP_STAPLING),
                CustomDomainPayload.TYPE_WEB);
        String domain = CertInputs.domain(invocation, environment).orElseThrow(() -> GctlsException.usage("'"
                + invocation.commandName() + "' needs --domain NAME (or TARGET_DOMAIN)"));
        InspectRequest request = CertInputs.request(invocation, environment);
        if (request.key().isEmpty()) {
            throw GctlsException.usage("'" + invocation.commandName() + "' needs --key FILE (or KEY_PATH): the "
                    + "payload carries the private key");
        }
        Inspection inspection;
        try (Metrics.Timer timer = metrics.start("validate")) {
            inspection = inspector.inspect(request, invocation.prompter(), invocation.cancellation());
        }
        BuiltPayload built;
        try (Metrics.Timer timer = metrics.start("build")) {
            built = PayloadBuilder.build(inspection, domain, settings);
        }
        last.set(built);
        return built;
    }

    /** Forgets the payload (it holds a private key); for tests and new sessions. */
    public void forget() {
        last.set(null);
    }
}
