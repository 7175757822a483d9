package io.gctls.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.api.ApiRuntime;
import io.gctls.api.Circuits;
import io.gctls.api.VertxHttpTransport;
import io.gctls.auth.ApiSession;
import io.gctls.cert.CertInspector;
import io.gctls.core.Cancellation;
import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.gctls.payload.PayloadSettings;
import io.gctls.sandbox.AuditEvent;
import io.gctls.sandbox.CustomDomain;
import io.gctls.sandbox.FaultSpec;
import io.gctls.sandbox.RunningSandbox;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxOptions;
import io.gctls.sandbox.SeedResult;
import io.gctls.shell.SandboxControl;
import io.gctls.testing.MutableClock;
import io.gctls.testing.RecordingWaiter;
import io.gctls.testing.ScriptedApi;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotations against the sandbox over real HTTP, on a clock the test owns: waits (pacing, Retry-After,
 * backoff, slow answers) move the clock instead of taking time. Every scenario ends with each domain
 * created exactly once.
 */
class RotationsSandboxTest {

    private static final MutableClock CLOCK = MutableClock.ticking();

    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults().clock(CLOCK).ratePerMinute(600)
            .sleeper(CLOCK::advance));
    private final Sandbox sandbox = RUNNING.sandbox();

    private static final int FLEET = 24;

    @TempDir
    static Path seeded;
    private static SeedResult bundles;

    @TempDir
    Path dir;

    private final List<String> notes = new CopyOnWriteArrayList<>();
    private Rotations rotations;
    /** A new client, as a new gctls process (or command) would have: no rate window known, nothing parked. */
    private java.util.function.Supplier<Rotations.Api> connect;
    private Rotations.Api api;
    private SeedResult fleet;

    /** One set of new bundles for the class (making certificates is most of the cost); each test copies it. */
    @BeforeAll
    static void newBundles() {
        bundles = RUNNING.sandbox().seed(FLEET, 0, seeded.resolve("fleet"));
    }

    @BeforeEach
    void nothingDeployed() throws IOException {
        Vertx vertx = ScriptedApi.sharedVertx();
        ApiRuntime runtime = new ApiRuntime(vertx, new VertxHttpTransport(vertx, Duration.ofSeconds(5), "gctls-test"),
                new RecordingWaiter(CLOCK), CLOCK, new Circuits(vertx, CLOCK, 50, Duration.ofSeconds(30)),
                new SplittableRandom(7));
        ApiSession session = new ApiSession(() -> runtime, null, dir.resolve("cache"), new Metrics());
        rotations = new Rotations(new CertInspector(CLOCK, Environment.of(Map.of())), CLOCK, new Metrics(),
                dir.resolve("rotations"));
        connect = () -> rotations.api(runtime, session.prepare(SandboxControl.connection(sandbox)),
                Optional.of(Duration.ofSeconds(60)), notes::add);
        api = connect.get();
        Path copy = dir.resolve("fleet");
        try (var paths = Files.walk(bundles.folder())) {
            for (Path from : paths.toList()) {
                Files.copy(from, copy.resolve(bundles.folder().relativize(from).toString()),
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        fleet = new SeedResult(bundles.domains(), List.of(), copy, copy.resolve("ca.pem"));
    }

    private Rotations.ApplyRequest request(boolean allOrNothing, int concurrency) {
        return new Rotations.ApplyRequest(Source.dir(fleet.folder()), new Planner.Options(Optional.of(fleet.trust()),
                30, true, PayloadSettings.defaults(), 2), allOrNothing, new Rotation.Settings(concurrency,
                Duration.ofSeconds(30)), Optional.empty());
    }

    private Rotations.Applied apply(int concurrency, Rotation.Listener listener, Cancellation cancellation) {
        return rotations.apply(request(false, concurrency), api, listener, cancellation);
    }

    private Rotations.Applied resume(Rotations.Applied before) {
        return rotations.resume(Optional.of(before.summary().id()), Optional.empty(), connect.get(),
                listener(null, 0), Cancellation.never());
    }

    /** Cancels {@code cancellation} once {@code after} domains have an outcome. */
    private static Rotation.Listener listener(Cancellation cancellation, int after) {
        return new Rotation.Listener() {
            private int seen;

            @Override
            public void started(int domains, int toSend) {
            }

            @Override
            public synchronized void outcome(DomainOutcome outcome, Rotation.Progress progress) {
                if (++seen == after && cancellation != null) {
                    cancellation.cancel();
                }
            }

            @Override
            public void note(String note) {
            }
        };
    }

    private static FaultSpec creates(FaultSpec fault) {
        return fault.method("POST").path("/api/v2/customdomains");
    }

    private void assertEveryDomainExactlyOnce() {
        List<String> names = sandbox.domains().stream().map(CustomDomain::domain).toList();
        assertThat(names).hasSize(FLEET).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(fleet.domains());
        Map<String, Long> creates = sandbox.auditEvents().stream().filter(e -> e.action().equals("Create"))
                .collect(Collectors.groupingBy(AuditEvent::entityName, Collectors.counting()));
        assertThat(creates).hasSize(FLEET).allSatisfy((domain, count) -> assertThat(count).as(domain).isEqualTo(1));
    }

    @Test
    void createsThrough429s503sResetsAfterTheStoreAndSlowAnswersMakeEachDomainOnce() {
        sandbox.addFault(creates(FaultSpec.status(429)).times(3));
        sandbox.addFault(creates(FaultSpec.status(429).retryAfter("none")).times(2));
        sandbox.addFault(creates(FaultSpec.status(503)).times(3));
        sandbox.addFault(creates(FaultSpec.resetAfter()).times(3));
        sandbox.addFault(creates(FaultSpec.delay(3000)).times(2));

        Rotations.Applied applied = apply(4, listener(null, 0), Cancellation.never());

        RotationSummary s = applied.summary();
        assertThat(s.created()).isEqualTo(FLEET);
        assertThat(s.failed() + s.parked() + s.pending()).isZero();
        assertThat(s.exitCode()).isZero();
        assertThat(s.resume()).isEmpty();
        assertThat(s.rateLimited()).isEqualTo(5);
        // a create each, 5 repeats after 429s, 3 lookups and 3 repeats after 503s, 3 lookups after the resets
        assertThat(s.requests()).isEqualTo(FLEET + 14);
        assertThat(s.listRequests()).isEqualTo(1);
        assertThat(s.allowedPerMinute()).isEqualTo(600);
        assertThat(applied.outcomes()).filteredOn(DomainOutcome::reconciled).hasSize(3);
        assertEveryDomainExactlyOnce();
    }

    @Test
    void aFleetLargerThanTheAllowanceUsesTheLimitButNeverExceedsIt() {
        sandbox.ratePerMinute(FLEET / 2);

        // one at a time: the test clock moves by each wait, and waits side by side would each move it
        RotationSummary s = apply(1, listener(null, 0), Cancellation.never()).summary();

        assertThat(s.created()).isEqualTo(FLEET);
        assertThat(s.rateLimited()).isZero();
        assertThat(s.allowedPerMinute()).isEqualTo(FLEET / 2);
        // the list and FLEET creates need three windows; the last request opens the third
        assertThat(s.wallMs()).isBetween(115_000L, 125_000L);
        assertThat(s.ofAllowed()).isBetween(0.95, 1.05);
    }

    @Test
    void aFleetTheWindowCanTakeIsSentWithoutWaiting() {
        RotationSummary s = apply(4, listener(null, 0), Cancellation.never()).summary();

        assertThat(s.rateLimited()).isZero();
        // a burst inside one window is judged against that window's allowance, not extrapolated per minute
        assertThat(s.withinOneWindow()).isTrue();
        assertThat(s.ofAllowed()).isEqualTo(
                Math.round(1000.0 * (s.requests() + s.listRequests()) / s.allowedPerMinute()) / 1000.0);
        assertThat(s.ofAllowed()).isLessThan(1.0);
    }

    @Test
    void aStormOf429sLongerThanOneRequestsAttemptsQueuesTheDomainAgainInsteadOfFailingIt() {
        sandbox.addFault(creates(FaultSpec.status(429)).times(8));

        RotationSummary s = apply(1, listener(null, 0), Cancellation.never()).summary();

        assertThat(s.created()).isEqualTo(FLEET);
        assertThat(s.failed()).isZero();
        assertThat(s.rateLimited()).isEqualTo(8);
        // the first domain used its 6 attempts on 429s, was queued again and looked up before its next create
        assertThat(s.requests()).isEqualTo(FLEET + 8 + 1);
        assertEveryDomainExactlyOnce();
    }

    @Test
    void aSeededFleetIsReplacedWithOneRequestEach() throws IOException {
        SeedResult seeded = sandbox.seed(20, 3, dir.resolve("seeded"));

        Rotations.Applied applied = rotations.apply(new Rotations.ApplyRequest(Source.dir(seeded.folder()),
                new Planner.Options(Optional.of(seeded.trust()), 30, true, PayloadSettings.defaults(), 2), false,
                new Rotation.Settings(4, Duration.ofSeconds(30)), Optional.empty()), api, listener(null, 0),
                Cancellation.never());

        assertThat(applied.plan().counts().replace()).isEqualTo(20);
        assertThat(applied.summary().replaced()).isEqualTo(20);
        assertThat(applied.summary().requests()).isEqualTo(20);
        assertThat(applied.summary().requestsPerChange()).isEqualTo(1.0);
        assertThat(sandbox.auditEvents()).filteredOn(e -> e.action().equals("Update")).hasSize(20);
        for (CustomDomain domain : sandbox.domains()) {
            String newLeaf = Files.readString(seeded.folder().resolve(domain.domain()).resolve("cert.pem"));
            assertThat(domain.certificate().strip()).isEqualTo(newLeaf.strip());
        }
    }

    @Test
    void aManifestRowGivingAPkcs12KeystoreAndItsPasswordFilePlansAndApplies() throws IOException {
        Path keystore = Path.of("fixtures/certs/pkcs12/modern.p12").toAbsolutePath();
        Path password = io.gctls.cert.Fixtures.secret("pkcs12/password.txt"); // a 0600 copy, as gctls requires
        Path manifest = Files.writeString(dir.resolve("fleet.csv"), "domain,cert,key,chain,password_file\n"
                + "www.example.com," + keystore + ",,," + password + "\n");
        Rotations.ApplyRequest request = new Rotations.ApplyRequest(Source.manifest(manifest), new Planner.Options(
                Optional.of(Path.of("fixtures/certs/pki/root-ca.pem").toAbsolutePath()), 30, true,
                PayloadSettings.defaults(), 2), false, new Rotation.Settings(1, Duration.ofSeconds(30)),
                Optional.empty());

        Plan plan = rotations.plan(request.source(), request.plan(), api, Cancellation.never()).plan();
        assertThat(plan.entries()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(Action.CREATE);
            assertThat(e.verdict()).isEqualTo(io.gctls.cert.Verdict.OK);
        });

        Rotations.Applied applied = rotations.apply(request, api, listener(null, 0), Cancellation.never());
        assertThat(applied.summary().created()).isEqualTo(1);
        assertThat(applied.summary().exitCode()).isZero();
        CustomDomain deployed = sandbox.domain("www.example.com").orElseThrow();
        assertThat(deployed.certificate()).contains("BEGIN CERTIFICATE");
        assertThat(io.gctls.cert.Fingerprints.normalize(plan.entries().get(0).newFingerprint()))
                .isEqualTo(applied.outcomes().get(0).fingerprint());
    }

    @Test
    void theSameFleetAgainIsUnchangedWithNothingSentButTheList() {
        apply(4, listener(null, 0), Cancellation.never());

        Rotations.Applied again = apply(4, listener(null, 0), Cancellation.never());

        assertThat(again.summary().unchanged()).isEqualTo(FLEET);
        assertThat(again.summary().requests()).isZero();
        assertThat(again.summary().listRequests()).isEqualTo(1);
    }

    @Test
    void aRefusedBundleIsSkippedAndReportedWhileTheOthersDeploy() throws IOException {
        String broken = fleet.domains().get(7);
        String other = fleet.domains().get(8);
        Files.copy(fleet.folder().resolve(other).resolve("key.pem"), fleet.folder().resolve(broken).resolve("key.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Rotations.Applied applied = apply(4, listener(null, 0), Cancellation.never());

        assertThat(applied.summary().created()).isEqualTo(FLEET - 1);
        assertThat(applied.summary().refused()).isEqualTo(1);
        assertThat(applied.summary().exitCode()).isEqualTo(ExitCode.INPUT.code());
        assertThat(applied.outcomes()).filteredOn(o -> o.domain().equals(broken)).singleElement()
                .satisfies(o -> assertThat(o.message()).contains("key-mismatch"));
        assertThat(sandbox.domain(broken)).isEmpty();
    }

    @Test
    void allOrNothingSendsNothingWhenABundleIsRefused() throws IOException {
        String broken = fleet.domains().get(7);
        Files.writeString(fleet.folder().resolve(broken).resolve("cert.pem"), "not a certificate");

        assertThatThrownBy(() -> rotations.apply(request(true, 4), api, listener(null, 0), Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT);
                    assertThat(e.getMessage()).startsWith("--all-or-nothing: 1 of " + FLEET + " bundles refused, so nothing"
                            + " was sent: " + broken);
                });
        assertThat(sandbox.domains()).isEmpty();
        assertThat(sandbox.server().getAllServeEvents()).extracting(e -> e.getRequest().getMethod().getName())
                .allSatisfy(m -> assertThat(m).isIn("GET", "POST"));
        assertThat(sandbox.server().getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().startsWith(
                "/api/v2/customdomains") && !e.getRequest().getMethod().getName().equals("GET"));
        assertThat(rotations.files()).isEmpty();
    }

    @Test
    void aLongRetryAfterParksTheRestAndTheResumeFinishesThem() {
        sandbox.addFault(creates(FaultSpec.delay(0)).times(5));
        sandbox.addFault(creates(FaultSpec.status(429).retryAfter("7200")).times(1));

        Rotations.Applied parked = apply(1, listener(null, 0), Cancellation.never());

        RotationSummary s = parked.summary();
        assertThat(s.created()).isEqualTo(5);
        assertThat(s.parked()).isEqualTo(FLEET - 5);
        assertThat(s.exitCode()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(s.parkedUntil()).isNotEmpty();
        assertThat(s.resume()).isEqualTo("gctls rotate apply --resume " + s.id());
        assertThat(s.requests()).isEqualTo(6);
        CLOCK.advance(Duration.ofHours(2));

        Rotations.Applied resumed = resume(parked);

        assertThat(resumed.summary().earlier()).isEqualTo(5);
        assertThat(resumed.summary().created()).isEqualTo(FLEET - 5);
        assertThat(resumed.summary().exitCode()).isZero();
        assertEveryDomainExactlyOnce();
    }

    @Test
    void interruptedAfterTenDomainsThenResumedGivesEachDomainOnce() {
        Cancellation ctrlC = Cancellation.create();

        Rotations.Applied stopped = apply(1, listener(ctrlC, 10), ctrlC);

        assertThat(stopped.summary().created()).isEqualTo(10);
        assertThat(stopped.summary().pending()).isEqualTo(FLEET - 10);
        assertThat(stopped.summary().exitCode()).isEqualTo(ExitCode.INTERRUPTED.code());
        assertThat(stopped.summary().resume()).contains("--resume");
        assertThat(sandbox.domains()).hasSize(10);

        Rotations.Applied resumed = resume(stopped);

        assertThat(resumed.summary().earlier()).isEqualTo(10);
        assertThat(resumed.summary().created()).isEqualTo(FLEET - 10);
        assertThat(resumed.summary().requests()).isEqualTo(FLEET - 10);
        assertEveryDomainExactlyOnce();
    }

    @Test
    void aCrashBetweenIntentAndOutcomeIsLookedUpOnResumeAndNeverCreatedTwice() throws IOException {
        Cancellation ctrlC = Cancellation.create();
        Rotations.Applied first = apply(1, listener(ctrlC, 3), ctrlC);
        Path journal = Path.of(first.summary().journal());
        // the process "died" after writing the intent of two more domains: the first create reached the
        // server (it is stored), the second never did
        String reached = fleet.domains().stream().filter(d -> sandbox.domain(d).isEmpty()).findFirst().orElseThrow();
        String lost = fleet.domains().stream().filter(d -> sandbox.domain(d).isEmpty() && !d.equals(reached))
                .findFirst().orElseThrow();
        Path bundle = fleet.folder().resolve(reached);
        sandbox.putDomain(reached, Files.readString(bundle.resolve("cert.pem")), Files.readString(
                bundle.resolve("key.pem")), Files.readString(bundle.resolve("chain.pem")));
        Files.writeString(journal, "{\"v\":1,\"type\":\"intent\",\"at\":\"2026-06-01T10:00:00Z\",\"domain\":\""
                + reached + "\",\"action\":\"create\",\"fingerprint\":\"x\"}\n{\"v\":1,\"type\":\"intent\",\"at\":"
                + "\"2026-06-01T10:00:00Z\",\"domain\":\"" + lost + "\",\"action\":\"create\",\"fingerprint\":\"x\"}\n"
                + "{\"v\":1,\"type\":\"outc", java.nio.file.StandardOpenOption.APPEND);

        Rotations.Applied resumed = resume(first);

        assertEveryDomainExactlyOnce();
        Map<String, DomainOutcome> byDomain = resumed.outcomes().stream()
                .collect(Collectors.toMap(DomainOutcome::domain, Function.identity()));
        assertThat(byDomain.get(reached).outcome()).isEqualTo(DomainOutcome.UNCHANGED);
        assertThat(byDomain.get(lost).outcome()).isEqualTo(DomainOutcome.CREATED);
        // the lost one was looked up before its create was sent again: one GET, then the POST
        assertThat(byDomain.get(lost).requests()).isEqualTo(2);
        assertThat(resumed.summary().earlier()).isEqualTo(3);
        // the rest: one create each, the reached one nothing (the list shows it), the lost one a lookup and a create
        assertThat(resumed.summary().requests()).isEqualTo(FLEET - 5 + 2);
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        assertThat(lines).noneMatch(l -> l.endsWith("\"type\":\"outc"));
    }
}
