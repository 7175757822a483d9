package io.gctls.steps;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import io.cucumber.java.AfterStep;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.gctls.core.Json;
import io.gctls.sandbox.AuditEvent;
import io.gctls.sandbox.CustomDomain;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxChanges;
import io.gctls.testing.RecordingWaiter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Steps of the audit feature: audit events made in the sandbox (before a run, or while gctls waits
 * between polls), per-scenario stubs for answers the emulator never gives (a Failed asynchronous
 * query, an auditlogs endpoint that pages for ever), and checks on the requests gctls sent and the
 * JSON lines it printed. {@code ${id:DOMAIN}} stands for a created domain's id.
 */
public class AuditSteps {

    private final World world;
    private final RecordingWaiter waiter;
    private final Queue<CustomDomain> createdWhileWaiting = new ConcurrentLinkedQueue<>();

    public AuditSteps(World world, RecordingWaiter waiter) {
        this.world = world;
        this.waiter = waiter;
    }

    private static Sandbox sandbox() {
        return ApiStub.sandbox();
    }

    // ---- audit events ----

    @Given("the sandbox already holds the domain(s) {string}")
    public void theSandboxAlreadyHoldsTheDomains(String domains) {
        for (String domain : list(domains)) {
            remember(SandboxChanges.create(sandbox(), domain));
        }
    }

    @Given("the sandbox holds {int} audit events")
    public void theSandboxHoldsAuditEvents(int count) {
        SandboxChanges.createMany(sandbox(), "bulk.example.com", count);
    }

    /**
     * One domain is created during each wait of gctls (a poll interval, a Retry-After), in order.
     * Waits may run on a Vert.x thread (a retry's), where the scenario's World is out of reach: the
     * ids are handed over after the step instead.
     */
    @Given("while gctls waits, the sandbox creates the domain(s) {string}")
    public void whileGctlsWaitsTheSandboxCreates(String domains) {
        Deque<String> queue = new ArrayDeque<>(list(domains));
        waiter.onEachWait(duration -> {
            String next;
            synchronized (queue) {
                next = queue.poll();
            }
            if (next != null) {
                createdWhileWaiting.add(SandboxChanges.create(sandbox(), next));
            }
        });
    }

    /**
     * The scenario's clock moves only by gctls's waits (the hook before the next scenario lets it
     * tick again), so what gctls reports from its clock, such as how long a tail followed, does not
     * depend on how busy the machine is.
     */
    @Given("the clock moves only by gctls's waits")
    public void theClockMovesOnlyByGctlsWaits() {
        ApiStub.clock().freeze();
    }

    @AfterStep
    public void defineTheIdsOfDomainsCreatedWhileWaiting() {
        CustomDomain created;
        while ((created = createdWhileWaiting.poll()) != null) {
            remember(created);
        }
    }

    private void remember(CustomDomain domain) {
        world.define("id:" + domain.domain(), domain.id());
    }

    // ---- stubs ----

    @Given("the sandbox's asynchronous audit queries end {string} with {string}")
    public void asynchronousQueriesEnd(String state, String errorMessage) {
        ApiStub.server().stubFor(get(urlPathMatching("/api/v2/audits/query/[^/]+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Json.compact(Map.of("id", "stubbed-query", "state", state, "errorMessage",
                                errorMessage)))));
    }

    /** Every page names the next one, with new events each time: only gctls's bound ends it. */
    @Given("the auditlogs endpoint never stops paging")
    public void theAuditlogsEndpointNeverStopsPaging() {
        ApiStub.server().stubFor(get(urlPathEqualTo("/api/v2/auditlogs"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"entity\":[{\"id\":\"loop-{{request.query.page}}\",\"eventId\":"
                                + "\"customdomain.update\",\"eventType\":\"Update\",\"timestamp\":"
                                + "\"2000-01-01T00:00:00.000Z\",\"actorId\":\"x\",\"targetId\":\"d-1\",\"status\":"
                                + "\"SUCCESS\"}],\"nextPage\":\"/api/v2/auditlogs?page={{math request.query.page '+' 1"
                                + "}}\"}")));
    }

    /** The same page, naming itself as the next one, for ever. */
    @Given("the auditlogs endpoint answers the same page for ever")
    public void theAuditlogsEndpointRepeats() {
        ApiStub.server().stubFor(get(urlPathEqualTo("/api/v2/auditlogs"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"entity\":[{\"id\":\"same\",\"eventId\":\"customdomain.update\",\"timestamp\":"
                                + "\"2000-01-01T00:00:00.000Z\"}],\"nextPage\":\"/api/v2/auditlogs?page=2\"}")));
    }

    // ---- checks ----

    /** {@code "POST /api/v2/audits/query/realtime"}: its body's value at a JSON path. */
    @Then("the last request to {string} has {string} at {string}")
    public void theLastRequestHasAt(String target, String expected, String path) {
        LoggedRequest request = lastRequest(target);
        Object value = JsonPath.read(request.getBodyAsString(), path);
        assertThat(String.valueOf(value)).as("%s in the body of the last %s: %s", path, target,
                request.getBodyAsString()).isEqualTo(world.expand(expected));
    }

    @Then("the last request to {string} has the query parameter {string} = {string}")
    public void theLastRequestHasTheQueryParameter(String target, String name, String expected) {
        LoggedRequest request = lastRequest(target);
        assertThat(request.queryParameter(name).isPresent()).as("%s in %s", name, request.getUrl()).isTrue();
        assertThat(request.queryParameter(name).firstValue()).as("%s in %s", name, request.getUrl())
                .isEqualTo(world.expand(expected));
    }

    @Then("the last request to {string} has no query parameter {string}")
    public void theLastRequestHasNoQueryParameter(String target, String name) {
        LoggedRequest request = lastRequest(target);
        assertThat(request.queryParameter(name).isPresent()).as("%s in %s", name, request.getUrl()).isFalse();
    }

    @Then("gctls's first wait(s) was/were {string}")
    public void gctlsFirstWaitsWere(String waits) {
        List<java.time.Duration> expected = Arrays.stream(waits.split(",")).map(String::strip)
                .map(io.gctls.core.Durations::parse).toList();
        assertThat(waiter.waits()).as("waits asked for").startsWith(expected.toArray(java.time.Duration[]::new));
    }

    @Then("stdout is {int} JSON line(s) with distinct ids")
    public void stdoutIsJsonLinesWithDistinctIds(int count) {
        List<String> ids = jsonLines().stream().map(line -> line.path("id").asString()).toList();
        assertThat(ids).as(world.last().stdout()).hasSize(count).doesNotHaveDuplicates();
    }

    @Then("every audit event of the sandbox is printed once")
    public void everyAuditEventIsPrintedOnce() {
        Map<String, Long> printed = jsonLines().stream().map(line -> line.path("id").asString())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> recorded = sandbox().auditEvents().stream().map(AuditEvent::id).toList();
        assertThat(recorded).as("audit events in the sandbox").isNotEmpty();
        for (String id : recorded) {
            assertThat(printed.getOrDefault(id, 0L)).as("times %s was printed in\n%s", id, world.last().stdout())
                    .isEqualTo(1L);
        }
        assertThat(printed.keySet()).as("nothing but the sandbox's events").containsExactlyInAnyOrderElementsOf(
                recorded);
    }

    @Then("the JSON lines' {string} are {string}")
    public void theJsonLinesFieldsAre(String field, String expected) {
        List<String> values = jsonLines().stream().map(line -> line.path(field).asString()).toList();
        assertThat(String.join(", ", values)).as(world.last().stdout()).isEqualTo(world.expand(expected));
    }

    private List<JsonNode> jsonLines() {
        return world.last().stdout().lines().filter(line -> !line.isBlank())
                .map(line -> Json.mapper().readTree(line)).toList();
    }

    /** WireMock's journal lists the newest request first. */
    private static LoggedRequest lastRequest(String target) {
        String[] parts = target.split(" ", 2);
        return ApiStub.server().getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equalsIgnoreCase(parts[0]))
                .filter(r -> r.getUrl().split("\\?")[0].equals(parts[1]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + target + " request was received"));
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
