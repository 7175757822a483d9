package io.gctls.shell.command;

import io.gctls.auth.ApiSession;
import io.gctls.cert.CertInspector;
import io.gctls.cert.InspectRequest;
import io.gctls.cert.Severity;
import io.gctls.cert.Verdict;
import io.gctls.core.DomainName;
import io.gctls.core.GctlsException;
import io.gctls.deploy.CustomDomain;
import io.gctls.probe.HostPort;
import io.gctls.probe.ProbeRequest;
import io.gctls.probe.Prober;
import io.gctls.probe.Route;
import io.gctls.rotate.FleetStatus;
import io.gctls.sandbox.Sandbox;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.ConnectionOptions;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.SandboxControl;
import io.gctls.shell.Views;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code domains status}: the fleet's health, "what is about to break": days left per deployed
 * certificate and, with {@code --probe}, a live handshake per domain (drift, TLS floor, the served
 * chain's verdict).
 */
public class DomainsStatusCommand extends GctlsCommand {

    static final Opt<Integer> WARN_DAYS = OptionSpec.integer("warn-days", "N", InspectRequest.DEFAULT_WARN_DAYS,
            "warn when a certificate expires within N days").atLeast(0);
    static final Opt<Boolean> PROBE = OptionSpec.flag("probe", "also a live TLS handshake per domain");
    static final Opt<String> DOMAIN = OptionSpec.value("domain", "NAME[,NAME...]", "only these domains");
    static final Opt<Path> TRUST = OptionSpec.file("trust", "trusted root(s) for the served chains (default: the "
            + "JDK's; in the sandbox, the last seed's root)");
    static final Opt<Integer> CONCURRENCY = OptionSpec.integer("concurrency", "N", FleetStatus.DEFAULT_CONCURRENCY,
            "handshakes at once").atLeast(1).atMost(64);
    static final Opt<Duration> TIMEOUT = OptionSpec.duration("timeout", ProbeRequest.DEFAULT_TIMEOUT,
            "for each handshake").atLeast(Duration.ofMillis(100));
    static final Opt<Boolean> OFFLINE = OptionSpec.flag("offline", "judge served chains without AIA, OCSP or CRL fetches");
    static final Opt<String> CONNECT = OptionSpec.value("connect", "HOST[:PORT]", "send every handshake here (a load "
            + "balancer, a staging address), each with its domain as SNI");

    private final ApiAccess access;
    private final CertInspector inspector;
    private final SandboxControl sandbox;
    private final Clock clock;

    public DomainsStatusCommand(ApiAccess access, CertInspector inspector, SandboxControl sandbox, Clock clock) {
        super("domains status", "Deploy", "The fleet's health: days left per certificate; with --probe, what is served",
                List.of("domains status", "domains status --warn-days 45 --strict",
                        "domains status --probe --domain www.example.com,shop.example.com --output json"),
                ConnectionOptions.with(WARN_DAYS, PROBE, DOMAIN, TRUST, CONCURRENCY, TIMEOUT, OFFLINE, CONNECT));
        this.access = access;
        this.inspector = inspector;
        this.sandbox = sandbox;
        this.clock = clock;
    }

    @Override
    public Outcome run(Invocation invocation) {
        // checked (one line, exit 2) and normalised before anything is sent: docs/api.md "Names and ids in requests"
        Optional<Set<String>> only = invocation.optional(DOMAIN).map(names -> Arrays.stream(names.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> DomainName.normalize(s, "--domain"))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        ApiSession.Connected connected = access.connected(invocation);
        List<CustomDomain> listed = access.customDomains(connected, invocation).list(Optional.empty(),
                invocation.cancellation());
        access.sawDomains(listed);
        List<CustomDomain> deployed = listed;
        if (only.isPresent()) {
            Set<String> wanted = only.get();
            List<String> missing = wanted.stream().filter(w -> listed.stream().noneMatch(d -> d.isFor(w))).toList();
            if (!missing.isEmpty()) {
                throw GctlsException.input("not deployed: " + String.join(", ", missing) + " (see: domains list)");
            }
            deployed = listed.stream().filter(d -> wanted.stream().anyMatch(d::isFor)).toList();
        }
        boolean probe = invocation.get(PROBE);
        int warnDays = invocation.get(WARN_DAYS);
        Optional<Sandbox> running = sandbox.running().filter(s -> connected.connection().sandbox());
        Optional<HostPort> connectTo = invocation.optional(CONNECT).map(c -> HostPort.parse(c, HostPort.HTTPS,
                "--connect"));
        Optional<Path> trust = invocation.optional(TRUST).or(() -> running.flatMap(Sandbox::seedTrust));
        if (probe && invocation.optional(TRUST).isEmpty() && trust.isPresent()) {
            invocation.out().note("judging served chains against the sandbox seed's root " + trust.get()
                    + " (no --trust given)");
        }
        Prober prober = new Prober(inspector);
        Duration timeout = invocation.get(TIMEOUT);
        boolean offline = invocation.get(OFFLINE);
        FleetStatus.Report report = new FleetStatus(clock).check(deployed, new FleetStatus.Options(warnDays, probe,
                invocation.get(CONCURRENCY)), domain -> prober.probe(request(domain, connectTo, running, trust, timeout,
                        warnDays, offline), invocation.cancellation()), invocation.cancellation());
        return Outcome.of(report, DomainsStatusCommand::render, report.exitCode(invocation.strict()));
    }

    private static ProbeRequest request(CustomDomain domain, Optional<HostPort> connect, Optional<Sandbox> sandbox,
            Optional<Path> trust, Duration timeout, int warnDays, boolean offline) {
        HostPort target = new HostPort(domain.domain(), HostPort.HTTPS, false);
        HostPort address = target;
        Route route = Route.DIRECT;
        if (connect.isPresent()) {
            address = connect.get();
            route = Route.CONNECT;
        } else if (sandbox.isPresent() && sandbox.get().tlsPort() > 0) {
            // every domain the sandbox lists is served on its TLS port (a refused one fails its handshake there)
            address = new HostPort("127.0.0.1", sandbox.get().tlsPort(), true);
            route = Route.SANDBOX;
        }
        return new ProbeRequest(target, address, route, Optional.empty(), trust, timeout, warnDays, "", offline);
    }

    static void render(FleetStatus.Report report, Output out) {
        if (report.fleet().isEmpty()) {
            out.println("no custom domains");
            return;
        }
        Object[][] rows = new Object[report.fleet().size() + 1][];
        rows[0] = report.probed()
                ? new Object[] {"domain", "health", "certificate", "expires", "served", "findings"}
                : new Object[] {"domain", "health", "certificate", "expires", "findings"};
        for (int i = 0; i < report.fleet().size(); i++) {
            FleetStatus.DomainHealth d = report.fleet().get(i);
            String health = switch (d.verdict()) {
                case ERROR -> out.style().error("error");
                case WARN -> out.style().warn("warn");
                default -> out.style().ok("ok");
            };
            String findings = d.findings().stream().filter(h -> h.severity() != Severity.INFO)
                    .map(FleetStatus.Health::code).distinct().collect(Collectors.joining(", "));
            String left = d.daysLeft() == null ? "" : Views.daysLeft(d.daysLeft());
            rows[i + 1] = report.probed()
                    ? new Object[] {d.domain(), health, left, d.expires(), served(d), findings}
                    : new Object[] {d.domain(), health, left, d.expires(), findings};
        }
        Views.table(out, rows);
        for (FleetStatus.DomainHealth d : report.fleet()) {
            if (d.verdict() == Verdict.OK) {
                continue;
            }
            for (FleetStatus.Health h : d.findings()) {
                if (h.severity() == Severity.INFO) {
                    continue;
                }
                out.println(out.style().severity(h.severity().name().toLowerCase(Locale.ROOT)) + " "
                        + d.domain() + ": " + h.code() + ": " + h.message());
                if (h.code().equals(FleetStatus.DRIFT) && d.served() != null) {
                    Views.field(out, "served", Views.fingerprint(d.served().sha256()));
                    Views.field(out, "deployed", Views.fingerprint(d.fingerprint()));
                }
            }
        }
        out.println(Views.plural(report.domains(), "domain") + ": " + report.ok() + " ok, "
                + report.warn() + " warn, " + report.error() + " error (warning at " + report.warnDays() + " days"
                + (report.probed() ? ", probed" : "") + ")");
    }

    private static String served(FleetStatus.DomainHealth d) {
        if (d.served() == null) {
            return "no handshake";
        }
        return d.served().protocol() + ", chain " + d.served().chainVerdict().label()
                + (d.served().drift() ? ", drift" : "");
    }
}
