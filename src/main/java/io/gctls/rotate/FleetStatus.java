package io.gctls.rotate;

import io.gctls.cert.Finding;
import io.gctls.cert.Fingerprints;
import io.gctls.cert.Severity;
import io.gctls.cert.Verdict;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.deploy.CustomDomain;
import io.gctls.probe.ProbeReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code domains status}: the fleet's health, "what is about to break" (docs/rotation.md, "Fleet
 * health"). For every deployed domain: the days its certificate has left ({@code expires-soon}
 * within the warning days, {@code expired} after); with probing, a live handshake per domain (a
 * bounded number at once) comparing the served leaf with the deployed one ({@code drift}), the
 * negotiated protocol with the domain's TLS floor ({@code below-tls-floor}) and the served chain's
 * own verdict, or {@code handshake-failed} when there was no handshake to judge.
 */
public final class FleetStatus {

    public static final int DEFAULT_CONCURRENCY = 8;
    public static final String EXPIRED = "expired";
    public static final String EXPIRES_SOON = "expires-soon";
    public static final String DRIFT = "drift";
    public static final String BELOW_TLS_FLOOR = "below-tls-floor";
    public static final String HANDSHAKE_FAILED = "handshake-failed";

    /** How the fleet is judged. */
    public record Options(int warnDays, boolean probe, int concurrency) {
    }

    /** One thing found about a domain. */
    public record Health(Severity severity, String code, String message) {
    }

    /** What the live handshake showed; null fields when there was none. */
    public record Served(String protocol, String sha256, boolean drift, Verdict chainVerdict, List<String> chainFindings) {
    }

    /** One deployed domain's health. */
    public record DomainHealth(String domain, String id, String status, String expires, Long daysLeft,
            String fingerprint, String tlsFloor, Verdict verdict, List<Health> findings, Served served) {
    }

    /** The fleet: counts per verdict, and each domain, worst first. */
    public record Report(int domains, int ok, int warn, int error, int warnDays, boolean probed,
            List<DomainHealth> fleet) {

        /** Errors: 6 when a handshake failed, else 3; warnings: 1 under {@code --strict}. */
        public ExitCode exitCode(boolean strict) {
            boolean unreachable = fleet.stream().anyMatch(d -> d.findings().stream()
                    .anyMatch(h -> h.code().equals(HANDSHAKE_FAILED)));
            if (unreachable) {
                return ExitCode.UNAVAILABLE;
            }
            if (error > 0) {
                return ExitCode.INPUT;
            }
            return warn > 0 && strict ? ExitCode.WARNINGS : ExitCode.OK;
        }
    }

    private final Clock clock;

    public FleetStatus(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param probe the live handshake for one domain (throws a {@link GctlsException} when it fails);
     *     used only when {@link Options#probe()}
     */
    public Report check(List<CustomDomain> deployed, Options options, Function<CustomDomain, ProbeReport> probe,
            Cancellation cancellation) {
        List<DomainHealth> fleet = options.probe() ? probed(deployed, options, probe, cancellation)
                : deployed.stream().map(d -> judge(d, options, null, null)).toList();
        List<DomainHealth> sorted = new ArrayList<>(fleet);
        sorted.sort(Comparator.comparing(DomainHealth::verdict).reversed()
                .thenComparing(d -> d.daysLeft() == null ? Long.MAX_VALUE : d.daysLeft())
                .thenComparing(DomainHealth::domain));
        int ok = count(sorted, Verdict.OK);
        int warn = count(sorted, Verdict.WARN);
        int error = count(sorted, Verdict.ERROR);
        return new Report(sorted.size(), ok, warn, error, options.warnDays(), options.probe(), List.copyOf(sorted));
    }

    private List<DomainHealth> probed(List<CustomDomain> deployed, Options options,
            Function<CustomDomain, ProbeReport> probe, Cancellation cancellation) {
        return Parallel.map(deployed, options.concurrency(), "gctls-fleet-probe", "probing the fleet", domain -> {
            try {
                return judge(domain, options, probe.apply(domain), null);
            } catch (GctlsException e) {
                if (e.exitCode() == ExitCode.INTERRUPTED) {
                    throw e;
                }
                return judge(domain, options, null, e.getMessage());
            }
        }, cancellation);
    }

    private DomainHealth judge(CustomDomain domain, Options options, ProbeReport report, String probeFailure) {
        List<Health> findings = new ArrayList<>();
        Long daysLeft = null;
        Optional<Instant> expires = instant(domain.certificateExpires());
        Instant now = clock.instant();
        if (expires.isPresent()) {
            Duration left = Duration.between(now, expires.get());
            daysLeft = Math.floorDiv(left.toSeconds(), 86_400L);
            if (left.isNegative()) {
                findings.add(new Health(Severity.ERROR, EXPIRED, "the deployed certificate expired on "
                        + expires.get() + " (" + (-daysLeft) + " days ago)"));
            } else if (left.compareTo(Duration.ofDays(options.warnDays())) < 0) {
                findings.add(new Health(Severity.WARN, EXPIRES_SOON, "the deployed certificate expires on "
                        + expires.get() + ", in " + daysLeft + " day" + (daysLeft == 1 ? "" : "s")
                        + " (warning at " + options.warnDays() + ")"));
            }
        } else {
            findings.add(new Health(Severity.INFO, "expiry-unknown", "the API did not say when the deployed "
                    + "certificate expires"));
        }
        Served served = null;
        if (probeFailure != null) {
            findings.add(new Health(Severity.ERROR, HANDSHAKE_FAILED, probeFailure));
        } else if (report != null) {
            served = served(domain, report, findings);
        }
        Verdict verdict = Verdict.OK;
        for (Health health : findings) {
            Verdict v = health.severity() == Severity.ERROR ? Verdict.ERROR
                    : health.severity() == Severity.WARN ? Verdict.WARN : Verdict.OK;
            verdict = v.compareTo(verdict) > 0 ? v : verdict;
        }
        findings.sort(Comparator.comparing(Health::severity).reversed());
        return new DomainHealth(domain.domain(), domain.id(), domain.status(), domain.certificateExpires(), daysLeft,
                domain.certificateFingerprint(), domain.tlsVersion(), verdict, List.copyOf(findings), served);
    }

    private static Served served(CustomDomain domain, ProbeReport report, List<Health> findings) {
        String sha256 = report.certificates().isEmpty() ? "" : Fingerprints.normalize(
                report.certificates().get(0).sha256());
        boolean drift = !sha256.isEmpty() && !domain.certificateFingerprint().isEmpty()
                && !sha256.equals(Fingerprints.normalize(domain.certificateFingerprint()));
        if (drift) {
            // the two fingerprints are the domain's fingerprint and served.sha256; views show them in their form
            findings.add(new Health(Severity.WARN, DRIFT, "the server sends a leaf other than the deployed one"));
        }
        if (!domain.tlsVersion().isEmpty() && rank(report.protocol()) > 0 && rank(report.protocol())
                < rank(domain.tlsVersion())) {
            findings.add(new Health(Severity.ERROR, BELOW_TLS_FLOOR, "the handshake used " + report.protocol()
                    + ", below the domain's floor " + domain.tlsVersion()));
        }
        List<String> chain = new ArrayList<>();
        for (Finding finding : report.findings()) {
            boolean leafExpiry = (finding.code().equals(EXPIRES_SOON) || finding.code().equals(EXPIRED))
                    && (finding.index() == null || finding.index() == 0);
            if (leafExpiry && !drift) {
                continue; // the deployed certificate is the one served: its expiry is reported above
            }
            if (finding.severity() != Severity.INFO) {
                chain.add(finding.code() + ": " + finding.message());
                findings.add(new Health(finding.severity(), "served-" + finding.code(), finding.message()));
            }
        }
        return new Served(report.protocol(), sha256, drift, report.verdict(), List.copyOf(chain));
    }

    /** TLSv1.2 is 12, TLSv1.3 13; 0 for what is not a TLS version name. */
    private static int rank(String protocol) {
        String p = protocol == null ? "" : protocol.strip().toUpperCase(Locale.ROOT);
        return switch (p) {
            case "TLSV1", "TLSV1.0" -> 10;
            case "TLSV1.1" -> 11;
            case "TLSV1.2" -> 12;
            case "TLSV1.3" -> 13;
            default -> 0;
        };
    }

    private static int count(List<DomainHealth> fleet, Verdict verdict) {
        return (int) fleet.stream().filter(d -> d.verdict() == verdict).count();
    }

    private static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.ofNullable(io.gctls.core.Instants.parseLenient(text));
        }
    }
}
