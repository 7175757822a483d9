package io.gctls.steps;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-scenario WireMock stubs on top of the sandbox, for answers the emulator would not give by
 * itself: a 429 with a given Retry-After, a token endpoint that answers garbage. A stub answers
 * the first N matching requests; later ones fall through to the emulator (WireMock scenarios).
 */
public class ApiStubSteps {

    private static final String RATE_BODY = "{\"message\":\"Rate limit exceeded the maximum. Retry the request in [%s]"
            + " seconds\",\"code\":\"too.many.requests.retry.after\",\"status\":429,\"contextId\":\"%s\","
            + "\"details\":[],\"errors\":[]}";

    @Given("the API answers 429 with Retry-After {string} to {string} {int} time(s)")
    public void theApiAnswers429WithRetryAfter(String retryAfter, String target, int times) {
        String[] parts = target.split(" ", 2);
        String scenario = "429-" + target;
        for (int i = 0; i < times; i++) {
            ApiStub.server().stubFor(request(parts[0].toUpperCase(Locale.ROOT), urlPathEqualTo(parts[1]))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answered-" + i)
                    .willSetStateTo("answered-" + (i + 1))
                    .willReturn(aResponse().withStatus(429)
                            .withHeader("Content-Type", "application/json")
                            .withHeader("Retry-After", retryAfter)
                            .withHeader("inin-correlation-id", "stub-429-" + (i + 1))
                            .withBody(String.format(RATE_BODY, retryAfter, "stub-429-" + (i + 1)))));
        }
    }

    @Given("the API answers {int} with body {string} to {string}")
    public void theApiAnswersWithBody(int status, String body, String target) {
        String[] parts = target.split(" ", 2);
        ApiStub.server().stubFor(request(parts[0].toUpperCase(Locale.ROOT), urlPathEqualTo(parts[1]))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    /** The first N matching requests get this answer; later ones reach the emulator. */
    @Given("the API answers {int} with body {string} to {string} {int} time(s)")
    public void theApiAnswersWithBodyTimes(int status, String body, String target, int times) {
        String[] parts = target.split(" ", 2);
        String scenario = status + "-" + target;
        for (int i = 0; i < times; i++) {
            ApiStub.server().stubFor(request(parts[0].toUpperCase(Locale.ROOT), urlPathEqualTo(parts[1]))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answered-" + i)
                    .willSetStateTo("answered-" + (i + 1))
                    .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                            .withHeader("inin-correlation-id", "stub-" + status + "-" + (i + 1)).withBody(body)));
        }
    }

    @Then("the API received {int} {string} request(s) to {string} answered {int}")
    public void theApiReceivedRequestsAnswered(int expected, String method, String path, int status) {
        long matching = ApiStub.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equalsIgnoreCase(method))
                .filter(e -> e.getRequest().getUrl().split("\\?")[0].equals(path))
                .filter(e -> e.getResponse().getStatus() == status).count();
        assertThat(matching).as("%s %s answered %d", method, path, status).isEqualTo(expected);
    }

    @Then("the API answered {int} to {string} with the headers {string}")
    public void theApiAnsweredWithHeaders(int status, String target, String headers) {
        String[] parts = target.split(" ", 2);
        List<ServeEvent> answered = ApiStub.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equalsIgnoreCase(parts[0]))
                .filter(e -> e.getRequest().getUrl().split("\\?")[0].equals(parts[1]))
                .filter(e -> e.getResponse().getStatus() == status).toList();
        assertThat(answered).as("%d answers to %s", status, target).isNotEmpty();
        for (String header : Arrays.stream(headers.split(",")).map(String::strip).toList()) {
            assertThat(answered.get(0).getResponse().getHeaders().getHeader(header).isPresent())
                    .as("header %s on the %d answer", header, status).isTrue();
        }
    }
}
