package io.gctls.rotate;

import io.gctls.cert.CertInspector;
import io.gctls.cert.Finding;
import io.gctls.cert.InspectRequest;
import io.gctls.cert.Inspection;
import io.gctls.cert.Severity;
import io.gctls.cert.Verdict;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Prompter;
import io.gctls.deploy.CustomDomain;
import io.gctls.payload.BuiltPayload;
import io.gctls.payload.PayloadBuilder;
import io.gctls.payload.PayloadSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes a rotation's plan: every bundle inspected with the checks of {@code cert inspect} (on all
 * cores: inspection is CPU work, and a fleet has hundreds of bundles), then ONE paged list of the
 * deployed domains, then per domain its action: not deployed is {@code create}, deployed with the
 * same leaf is {@code unchanged}, with another leaf {@code replace}, and a verdict of error (or a
 * file that cannot be read or decrypted) is {@code refused}. Only the list is sent.
 */
public final class Planner {

    /**
     * How bundles are judged and built, the same for every domain of a rotation.
     *
     * @param offline no AIA, OCSP or CRL fetches while inspecting (as {@code cert inspect --offline})
     * @param threads bundles inspected at once
     */
    public record Options(Optional<Path> trust, int warnDays, boolean offline, PayloadSettings settings, int threads) {

        public static int defaultThreads() {
            return Math.max(2, Runtime.getRuntime().availableProcessors());
        }
    }

    private final CertInspector inspector;

    public Planner(CertInspector inspector) {
        this.inspector = inspector;
    }

    /** One bundle judged: its entry fields, and the payload when it may be sent. */
    private record Judged(Bundle bundle, Verdict verdict, List<String> findings, Optional<BuiltPayload> payload,
            String fingerprint, String expires) {
    }

    /**
     * @param deployedList the one paged list of what is deployed; called once, after every bundle
     *     was inspected (so a bad bundle never costs a request)
     */
    public Plan plan(String source, List<Bundle> bundles, Options options,
            Function<Cancellation, List<CustomDomain>> deployedList, Cancellation cancellation) {
        List<Judged> judged = inspectAll(bundles, options, cancellation);
        Map<String, CustomDomain> deployed = new HashMap<>();
        for (CustomDomain domain : deployedList.apply(cancellation)) {
            DomainNames.normalise(domain.domain()).ifPresent(name -> deployed.putIfAbsent(name, domain));
        }
        List<PlanEntry> entries = new ArrayList<>();
        Map<String, BuiltPayload> payloads = new HashMap<>();
        for (Judged j : judged) {
            Optional<CustomDomain> live = Optional.ofNullable(deployed.get(j.bundle().domain()));
            Action action;
            if (j.payload().isEmpty()) {
                action = Action.REFUSED;
            } else if (live.isEmpty()) {
                action = Action.CREATE;
            } else {
                action = live.get().holds(j.fingerprint()).orElse(false) ? Action.UNCHANGED : Action.REPLACE;
            }
            j.payload().ifPresent(p -> payloads.put(j.bundle().domain(), p));
            entries.add(new PlanEntry(j.bundle().domain(), j.bundle().origin(), j.verdict(), action, j.findings(),
                    j.fingerprint(), j.expires(), live.map(CustomDomain::id).orElse(""),
                    live.map(CustomDomain::certificateFingerprint).orElse(""),
                    live.map(CustomDomain::certificateExpires).orElse(""), false));
        }
        Map<String, CustomDomain> listed = new HashMap<>();
        for (Judged j : judged) {
            Optional.ofNullable(deployed.get(j.bundle().domain())).ifPresent(d -> listed.put(j.bundle().domain(), d));
        }
        return new Plan(source, entries, payloads, listed);
    }

    private List<Judged> inspectAll(List<Bundle> bundles, Options options, Cancellation cancellation) {
        return Parallel.map(bundles, options.threads(), "gctls-rotate-inspect", "inspecting the bundles",
                bundle -> judge(bundle, options, cancellation), cancellation);
    }

    private Judged judge(Bundle bundle, Options options, Cancellation cancellation) {
        InspectRequest request = InspectRequest.of(bundle.cert()).withKey(bundle.key().orElse(null))
                .withChain(bundle.chain().orElse(null)).withDomain(bundle.domain())
                .withTrust(options.trust().orElse(null)).withPasswordFile(bundle.passwordFile().orElse(null))
                .withWarnDays(options.warnDays()).withOffline(options.offline());
        Inspection inspection;
        try {
            inspection = inspector.inspect(request, Prompter.none(), cancellation);
        } catch (GctlsException e) {
            if (e.exitCode() == ExitCode.INTERRUPTED) {
                throw e;
            }
            // a file that cannot be read refuses this bundle, not the whole rotation
            return new Judged(bundle, Verdict.ERROR, List.of(e.getMessage()), Optional.empty(), "", "");
        }
        List<String> findings = inspection.report().findings().stream()
                .filter(f -> f.severity() != Severity.INFO)
                .map(Planner::describe).toList();
        if (inspection.verdict() == Verdict.ERROR) {
            String fingerprint = inspection.bundle().map(b -> io.gctls.cert.Fingerprints.sha256Hex(b.leaf()))
                    .orElse("");
            String expires = inspection.bundle().map(b -> b.leaf().getNotAfter().toInstant().toString()).orElse("");
            return new Judged(bundle, Verdict.ERROR, findings, Optional.empty(), fingerprint, expires);
        }
        BuiltPayload payload;
        try {
            payload = PayloadBuilder.build(inspection, bundle.domain(), options.settings());
        } catch (GctlsException e) {
            return new Judged(bundle, Verdict.ERROR, List.of(e.getMessage()), Optional.empty(), "", "");
        }
        return new Judged(bundle, inspection.verdict(), findings, Optional.of(payload), payload.leafFingerprint(),
                payload.leafNotAfter());
    }

    private static String describe(Finding finding) {
        return finding.code() + ": " + finding.message();
    }
}
