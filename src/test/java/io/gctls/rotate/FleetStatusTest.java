package io.gctls.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.cert.CertInspector;
import io.gctls.cert.Severity;
import io.gctls.cert.Verdict;
import io.gctls.core.Cancellation;
import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.deploy.CustomDomain;
import io.gctls.probe.HostPort;
import io.gctls.probe.ProbeRequest;
import io.gctls.probe.Prober;
import io.gctls.probe.Route;
import io.gctls.sandbox.RunningSandbox;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxHttp;
import io.gctls.sandbox.SandboxOptions;
import io.gctls.sandbox.SeedResult;
import io.gctls.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The fleet's health against a seeded sandbox: expiring, expired, drift, handshake failure, exit codes. */
class FleetStatusTest {

    private static final MutableClock CLOCK = MutableClock.ticking();

    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults().clock(CLOCK));
    private final Sandbox sandbox = RUNNING.sandbox();
    private final Prober prober = new Prober(new CertInspector(CLOCK, Environment.of(Map.of())));

    @TempDir
    Path dir;

    /** The domains as the API lists them. */
    private List<CustomDomain> deployed() {
        return sandbox.domains().stream().map(d -> new CustomDomain(d.id(), d.domain(), d.status(), d.type(),
                d.createdDate().toString(), d.modifiedDate().toString(), d.certificateFingerprint(),
                d.certificateSubject(), d.certificateNotAfter().toString(), d.tlsVersion())).toList();
    }

    private FleetStatus.Report status(boolean probe, SeedResult seed) {
        return new FleetStatus(CLOCK).check(deployed(), new FleetStatus.Options(30, probe, 4),
                domain -> prober.probe(new ProbeRequest(new HostPort(domain.domain(), 443, false),
                        new HostPort("127.0.0.1", sandbox.tlsPort(), true), Route.SANDBOX, Optional.empty(),
                        Optional.of(seed.trust()), Duration.ofSeconds(10), 30, "", true), Cancellation.never()),
                Cancellation.never());
    }

    private static FleetStatus.DomainHealth row(FleetStatus.Report report, String domain) {
        return report.fleet().stream().filter(d -> d.domain().equals(domain)).findFirst().orElseThrow();
    }

    @Test
    void expiringDomainsWarnAndComeFirst() {
        SeedResult seed = sandbox.seed(6, 2, dir.resolve("fleet"));

        FleetStatus.Report report = status(false, seed);

        assertThat(report.domains()).isEqualTo(6);
        assertThat(report.warn()).isEqualTo(2);
        assertThat(report.ok()).isEqualTo(4);
        assertThat(report.fleet().subList(0, 2)).extracting(FleetStatus.DomainHealth::domain)
                .containsExactlyInAnyOrderElementsOf(seed.expiring());
        assertThat(report.fleet().get(0).daysLeft()).isEqualTo(9);
        assertThat(report.fleet().get(0).findings()).extracting(FleetStatus.Health::code)
                .containsExactly(FleetStatus.EXPIRES_SOON);
        assertThat(report.exitCode(false)).isEqualTo(ExitCode.OK);
        assertThat(report.exitCode(true)).isEqualTo(ExitCode.WARNINGS);
    }

    @Test
    void probingShowsEachServedChainOkWhenItIsTheDeployedOne() {
        SeedResult seed = sandbox.seed(4, 1, dir.resolve("fleet"));

        FleetStatus.Report report = status(true, seed);

        assertThat(report.probed()).isTrue();
        assertThat(report.fleet()).allSatisfy(d -> {
            assertThat(d.served()).isNotNull();
            assertThat(d.served().drift()).isFalse();
            assertThat(d.served().chainVerdict()).as(d.domain() + " " + d.served().chainFindings())
                    .isNotEqualTo(Verdict.ERROR);
            assertThat(d.served().protocol()).isEqualTo("TLSv1.3");
        });
        assertThat(report.warn()).isEqualTo(1);
        assertThat(report.exitCode(false)).isEqualTo(ExitCode.OK);
    }

    @Test
    void anExpiredCertificateIsAnError() {
        SeedResult seed = sandbox.seed(3, 1, dir.resolve("fleet"));
        CLOCK.advance(Duration.ofDays(15));

        FleetStatus.Report report = status(false, seed);

        FleetStatus.DomainHealth expired = row(report, seed.expiring().get(0));
        assertThat(expired.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(expired.daysLeft()).isNegative();
        assertThat(expired.findings().get(0).code()).isEqualTo(FleetStatus.EXPIRED);
        assertThat(report.exitCode(false)).isEqualTo(ExitCode.INPUT);
    }

    @Test
    void aServedLeafThatIsNotTheDeployedOneIsDriftAndAFailedHandshakeIsNamed() throws Exception {
        SeedResult seed = sandbox.seed(3, 0, dir.resolve("fleet"));
        String drifting = seed.domains().get(0);
        String refused = seed.domains().get(1);
        // a replace the platform has not picked up yet: the store moves on, the TLS front does not
        sandbox.holdServedCertificate(drifting);
        replace(seed, drifting);
        sandbox.refuseHandshakes(refused);

        FleetStatus.Report report = status(true, seed);

        FleetStatus.DomainHealth drifted = row(report, drifting);
        assertThat(drifted.served().drift()).isTrue();
        assertThat(drifted.findings()).filteredOn(h -> h.code().equals(FleetStatus.DRIFT))
                .singleElement().satisfies(h -> assertThat(h.severity()).isEqualTo(Severity.WARN));
        assertThat(drifted.verdict()).isEqualTo(Verdict.WARN);
        FleetStatus.DomainHealth failed = row(report, refused);
        assertThat(failed.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(failed.served()).isNull();
        assertThat(failed.findings()).extracting(FleetStatus.Health::code).contains(FleetStatus.HANDSHAKE_FAILED);
        assertThat(report.fleet().get(0).domain()).isEqualTo(refused);
        assertThat(report.exitCode(false)).isEqualTo(ExitCode.UNAVAILABLE);
    }

    /** Puts the new bundle of {@code domain} on it, as a rotation would. */
    private void replace(SeedResult seed, String domain) throws java.io.IOException {
        Path bundle = seed.folder().resolve(domain);
        SandboxHttp http = new SandboxHttp(sandbox);
        Map<String, Object> body = Map.of("certificate", Files.readString(bundle.resolve("cert.pem")),
                "privateKey", Files.readString(bundle.resolve("key.pem")),
                "certificateChain", Files.readString(bundle.resolve("chain.pem")));
        assertThat(http.call("PUT", "/api/v2/customdomains/" + sandbox.domain(domain).orElseThrow().id(),
                http.login(), body).statusCode()).isEqualTo(200);
    }
}
