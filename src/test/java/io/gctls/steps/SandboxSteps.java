package io.gctls.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.cucumber.java.Before;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.gctls.sandbox.AuditEvent;
import io.gctls.sandbox.CustomDomain;
import io.gctls.sandbox.FaultSpec;
import io.gctls.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Steps about the API the scenario runs against: the built-in sandbox. It is reset before every
 * scenario (store, audit, tokens, faults, rate, journal, extra stubs, clock). A request target is
 * written {@code "METHOD /path"} or {@code "/path"}; a path may be a glob ({@code *}, {@code ?}).
 */
public class SandboxSteps {

    private final World world;

    public SandboxSteps(World world) {
        this.world = world;
    }

    private static Sandbox sandbox() {
        return ApiStub.sandbox();
    }

    @Before(order = 1)
    public void startFromAFreshSandbox() {
        sandbox().reset();
        ApiStub.clock().rewind();
    }

    // ---- faults ----

    @Given("the sandbox answers {int} to {string}")
    public void theSandboxAnswers(int status, String target) {
        sandbox().addFault(on(FaultSpec.status(status), target));
    }

    @Given("the sandbox answers {int} to {string} {int} time(s)")
    public void theSandboxAnswersTimes(int status, String target, int times) {
        sandbox().addFault(on(FaultSpec.status(status), target).times(times));
    }

    @Given("the sandbox resets the connection on {string}")
    public void theSandboxResets(String target) {
        sandbox().addFault(on(FaultSpec.reset(), target));
    }

    @Given("the sandbox resets the connection on {string} {int} time(s)")
    public void theSandboxResetsTimes(String target, int times) {
        sandbox().addFault(on(FaultSpec.reset(), target).times(times));
    }

    @Given("the sandbox handles {string} but then resets the connection")
    public void theSandboxHandlesThenResets(String target) {
        sandbox().addFault(on(FaultSpec.resetAfter(), target));
    }

    @Given("the sandbox handles {string} but then resets the connection {int} time(s)")
    public void theSandboxHandlesThenResetsTimes(String target, int times) {
        sandbox().addFault(on(FaultSpec.resetAfter(), target).times(times));
    }

    @Given("the sandbox delays {string} by {int} ms")
    public void theSandboxDelays(String target, int millis) {
        sandbox().addFault(on(FaultSpec.delay(millis), target));
    }

    @Given("the sandbox answers malformed JSON to {string}")
    public void theSandboxAnswersMalformedJson(String target) {
        sandbox().addFault(on(FaultSpec.malformed(), target));
    }

    /** The {@code sandbox fault} command's syntax, e.g. {@code "503 --path /api/v2/customdomains* --times 3"}. */
    @Given("the sandbox fault {string}")
    public void theSandboxFault(String spec) {
        sandbox().addFault(FaultSpec.parse(spec));
    }

    private static FaultSpec on(FaultSpec fault, String target) {
        String[] words = target.strip().split("\\s+");
        if (words.length == 2) {
            return fault.method(words[0]).path(words[1]);
        }
        if (words.length == 1 && words[0].startsWith("/")) {
            return fault.path(words[0]);
        }
        throw new IllegalArgumentException("request target must be \"METHOD /path\" or \"/path\", not \"" + target + "\"");
    }

    // ---- settings and state ----

    @Given("the sandbox allows {int} requests per minute")
    public void theSandboxAllowsRequestsPerMinute(int perMinute) {
        sandbox().ratePerMinute(perMinute);
    }

    @Given("the sandbox issues tokens valid for {int} seconds")
    public void theSandboxIssuesTokensValidFor(int seconds) {
        sandbox().tokenLifetime(Duration.ofSeconds(seconds));
    }

    @Given("the sandbox issues JWT tokens")
    public void theSandboxIssuesJwtTokens() {
        sandbox().jwtTokens(true);
    }

    @Given("the sandbox's audit queries succeed on poll {int}")
    public void theSandboxsAuditQueriesSucceedOnPoll(int polls) {
        sandbox().auditQueryPolls(polls);
    }

    @Given("the sandbox revokes every token")
    public void theSandboxRevokesEveryToken() {
        sandbox().revokeAllTokens();
    }

    @Given("{int} seconds pass on the sandbox clock")
    public void secondsPassOnTheSandboxClock(int seconds) {
        ApiStub.clock().advance(Duration.ofSeconds(seconds));
    }

    @Given("the sandbox already holds {string} with certificate {string} and key {string}")
    public void theSandboxAlreadyHolds(String domain, String certificate, String key) throws IOException {
        sandbox().putDomain(domain, read(certificate), read(key), null);
    }

    @Given("the sandbox already holds {string} with certificate {string}, key {string} and chain {string}")
    public void theSandboxAlreadyHoldsWithChain(String domain, String certificate, String key, String chain)
            throws IOException {
        sandbox().putDomain(domain, read(certificate), read(key), read(chain));
    }

    private String read(String file) throws IOException {
        return Files.readString(Path.of(world.expand(file)), StandardCharsets.UTF_8);
    }

    // ---- checks ----

    @Then("the API received {int} {string} request(s) to {string}")
    public void theApiReceivedRequests(int expected, String method, String path) {
        Pattern glob = glob(path);
        List<String> seen = sandbox().server().getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .map(request -> request.getMethod().getName() + " " + pathOf(request.getUrl()))
                .toList();
        long matching = seen.stream()
                .filter(line -> line.startsWith(method.toUpperCase(Locale.ROOT) + " "))
                .filter(line -> glob.matcher(line.substring(line.indexOf(' ') + 1)).matches())
                .count();
        assertThat(matching).as("%s %s requests among %s", method, path, seen).isEqualTo(expected);
    }

    @Then("the sandbox holds {int} domain(s)")
    public void theSandboxHoldsDomains(int expected) {
        assertThat(sandbox().domains()).as("domains in the sandbox").hasSize(expected);
    }

    @Then("the sandbox holds the domain {string}")
    public void theSandboxHoldsTheDomain(String domain) {
        assertThat(sandbox().domains()).extracting(CustomDomain::domain).as("domains in the sandbox")
                .contains(domain.toLowerCase(Locale.ROOT));
    }

    @Then("the sandbox does not hold the domain {string}")
    public void theSandboxDoesNotHoldTheDomain(String domain) {
        assertThat(sandbox().domains()).extracting(CustomDomain::domain).as("domains in the sandbox")
                .doesNotContain(domain.toLowerCase(Locale.ROOT));
    }

    @Then("the sandbox recorded {int} audit event(s)")
    public void theSandboxRecordedAuditEvents(int expected) {
        assertThat(sandbox().auditEvents()).extracting(AuditEvent::eventId).as("audit events").hasSize(expected);
    }

    private static String pathOf(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static Pattern glob(String path) {
        StringBuilder regex = new StringBuilder();
        for (char c : path.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(regex.toString());
    }
}
