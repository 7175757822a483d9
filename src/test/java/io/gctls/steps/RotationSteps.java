package io.gctls.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.Before;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.gctls.core.Json;
import io.gctls.sandbox.AuditEvent;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SeedResult;
import io.gctls.shell.CompletionCache;
import io.gctls.shell.GctlsCompleter;
import io.gctls.shell.GctlsShell;
import io.gctls.testing.RecordingWaiter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Steps of rotations and fleet health: fleets of bundles made by the sandbox's seed (new ones
 * only, or deployed ones with new bundles for them), broken bundles, TLS switches, and checks
 * that every domain was created exactly once. {@code ${fleet}} is the bundles folder,
 * {@code ${trust}} its root, {@code ${sandbox-tls}} the sandbox's TLS address.
 */
public class RotationSteps {

    private final World world;
    private final RecordingWaiter waiter;
    private final GctlsShell shell;
    private final io.gctls.core.XdgDirs dirs;
    private SeedResult fleet;

    public RotationSteps(World world, RecordingWaiter waiter, GctlsShell shell, io.gctls.core.XdgDirs dirs) {
        this.world = world;
        this.waiter = waiter;
        this.shell = shell;
        this.dirs = dirs;
    }

    private static Sandbox sandbox() {
        return ApiStub.sandbox();
    }

    private void define(SeedResult seed) {
        fleet = seed;
        world.define("fleet", seed.folder().toString());
        world.define("trust", seed.trust().toString());
        world.define("sandbox-tls", "127.0.0.1:" + sandbox().tlsPort());
    }

    /** The completion cache is one per folder in the process: what an earlier scenario saw must not count. */
    @Before
    public void forgetWhatEarlierScenariosSaw() {
        CompletionCache.in(dirs.cache()).clear();
    }

    @Then("Tab after {string} offers every domain of the fleet")
    public void tabOffersEveryDomainOfTheFleet(String line) {
        assertThat(GctlsCompleter.complete(shell, line)).as("Tab after '" + line + "'")
                .containsAll(fleet.domains());
    }

    @Then("the 429s' Retry-After was waited on the test clock")
    public void retryAfterWaitedOnTheTestClock() {
        // the sandbox's 429s ask for 1 s: that wait went through the recording waiter, never a sleep
        assertThat(waiter.waits()).as("waits recorded on the test clock").contains(Duration.ofSeconds(1));
    }

    @Then("Tab after {string} offers {string}")
    public void tabOffers(String line, String values) {
        assertThat(GctlsCompleter.complete(shell, line)).as("Tab after '" + line + "'")
                .containsAll(List.of(values.split(",\\s*")));
    }

    @Then("Tab after {string} offers the id of every domain the sandbox holds")
    public void tabOffersEveryId(String line) {
        List<String> ids = sandbox().domains().stream().map(io.gctls.sandbox.CustomDomain::id).toList();
        assertThat(ids).isNotEmpty();
        assertThat(GctlsCompleter.complete(shell, line)).as("Tab after '" + line + "'").containsAll(ids);
    }

    @Given("a fleet of {int} new bundles in {string}")
    public void aFleetOfNewBundles(int count, String folder) {
        SeedResult seed = sandbox().seed(count, 0, world.tmp().resolve(folder));
        // keep the bundles, forget what the seed deployed: every domain is new to the API
        sandbox().reset();
        define(seed);
    }

    @Given("a seeded fleet of {int} domains, {int} expiring, with new bundles in {string}")
    public void aSeededFleet(int count, int expiring, String folder) {
        define(sandbox().seed(count, expiring, world.tmp().resolve(folder)));
    }

    @Given("the bundle of {string} has the key of {string}")
    public void theBundleHasTheKeyOf(String domain, String other) throws IOException {
        Files.copy(fleet.folder().resolve(other).resolve("key.pem"), fleet.folder().resolve(domain).resolve("key.pem"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Ctrl-C while gctls waits for its next slot, once the sandbox holds this many domains. */
    @Given("Ctrl-C is pressed once the sandbox holds {int} domains")
    public void ctrlCOnceTheSandboxHolds(int domains) {
        AtomicBoolean pressed = new AtomicBoolean();
        waiter.onEachWait(wait -> {
            if (sandbox().domains().size() >= domains && pressed.compareAndSet(false, true)) {
                shell.cancelCurrent();
            }
        });
    }

    @Given("the sandbox keeps serving the current certificate of {string}")
    public void theSandboxKeepsServing(String domain) {
        sandbox().holdServedCertificate(domain);
    }

    @Given("the sandbox refuses TLS handshakes for {string}")
    public void theSandboxRefusesHandshakes(String domain) {
        sandbox().refuseHandshakes(domain);
    }

    @Given("{int} days pass on the sandbox clock")
    public void daysPass(int days) {
        ApiStub.clock().advance(Duration.ofDays(days));
    }

    @Then("every domain of the fleet was created exactly once")
    public void everyDomainOnce() {
        assertThat(sandbox().domains()).extracting(io.gctls.sandbox.CustomDomain::domain)
                .containsExactlyInAnyOrderElementsOf(fleet.domains());
        Map<String, Long> creates = sandbox().auditEvents().stream().filter(e -> e.action().equals("Create"))
                .collect(Collectors.groupingBy(AuditEvent::entityName, Collectors.counting()));
        assertThat(creates).hasSize(fleet.domains().size()).allSatisfy((domain, count) ->
                assertThat(count).as("creates of " + domain).isEqualTo(1));
    }

    @Then("every domain of the fleet serves its new certificate")
    public void everyDomainHasItsNewCertificate() throws IOException {
        for (String domain : fleet.domains()) {
            Path bundle = fleet.folder().resolve(domain);
            assertThat(sandbox().domain(domain).orElseThrow().certificate().strip())
                    .isEqualTo(Files.readString(bundle.resolve("cert.pem")).strip());
        }
    }

    @Then("no rotation journal contains a private key")
    public void noJournalContainsAKey() throws IOException {
        Path journals = dirs.state().resolve("rotations");
        List<Path> files;
        try (var listing = Files.list(journals)) {
            files = listing.toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text).doesNotContain("PRIVATE KEY");
            for (String domain : fleet.domains()) {
                String key = Files.readString(fleet.folder().resolve(domain).resolve("key.pem"));
                key.lines().filter(l -> !l.startsWith("-----") && l.length() >= 16)
                        .forEach(l -> assertThat(text).as("a line of the key of " + domain).doesNotContain(l));
            }
        }
    }

    @Then("stdout is JSON lines: {int} outcome(s) then a summary")
    public void stdoutIsOutcomeLinesThenASummary(int outcomes) {
        List<String> lines = world.last().stdout().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(outcomes + 1);
        List<JsonNode> parsed = lines.stream().map(l -> Json.mapper().readTree(l)).toList();
        assertThat(parsed.subList(0, outcomes)).allSatisfy(n -> {
            assertThat(n.path("type").asString()).isEqualTo("outcome");
            assertThat(n.path("outcome").path("domain").asString()).endsWith(".example.com");
        });
        assertThat(parsed.get(outcomes).path("type").asString()).isEqualTo("summary");
    }

    @Then("the last JSON line has {string} = {string}")
    public void theLastJsonLineHas(String pointer, String value) {
        List<String> lines = world.last().stdout().lines().filter(l -> !l.isBlank()).toList();
        JsonNode last = Json.mapper().readTree(lines.get(lines.size() - 1));
        assertThat(last.at(pointer).asString()).isEqualTo(value);
    }
}
