package io.gctls.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxHttp;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Cucumber sandbox steps, driven directly: they set what they say and check what they say. */
class SandboxStepsTest {

    private final SandboxSteps steps = new SandboxSteps(new World());

    @BeforeEach
    void fresh() {
        steps.startFromAFreshSandbox();
    }

    private static int token(String body) throws IOException {
        return new SandboxHttp(ApiStub.sandbox()).tokenRequest(SandboxHttp.basic(Sandbox.CLIENT_ID,
                Sandbox.CLIENT_SECRET), "application/x-www-form-urlencoded", body).statusCode();
    }

    @Test
    void aStatusFaultOnAMethodAndPathFiresItsTimesAndTheJournalCountsThem() throws Exception {
        steps.theSandboxAnswersTimes(503, "POST /oauth/token", 2);

        assertThat(token("grant_type=client_credentials")).isEqualTo(503);
        assertThat(token("grant_type=client_credentials")).isEqualTo(503);
        assertThat(token("grant_type=client_credentials")).isEqualTo(200);

        steps.theApiReceivedRequests(3, "POST", "/oauth/token");
        steps.theApiReceivedRequests(3, "post", "/oauth/*");
        steps.theApiReceivedRequests(0, "GET", "/oauth/token");
        assertThatThrownBy(() -> steps.theApiReceivedRequests(2, "POST", "/oauth/token"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("POST /oauth/token requests");
    }

    @Test
    void theBeforeHookStartsFromNothing() throws Exception {
        steps.theSandboxFault("503 --times 5");
        steps.theSandboxAllowsRequestsPerMinute(1);
        assertThat(token("grant_type=client_credentials")).isEqualTo(503);

        steps.startFromAFreshSandbox();

        assertThat(ApiStub.sandbox().faults()).isEmpty();
        assertThat(ApiStub.sandbox().status().ratePerMinute()).isEqualTo(300);
        steps.theApiReceivedRequests(0, "POST", "/oauth/token");
        steps.theSandboxHoldsDomains(0);
        steps.theSandboxRecordedAuditEvents(0);
    }

    @Test
    void targetsAreMethodAndPathOrJustAPath() {
        steps.theSandboxResets("/api/v2/customdomains*");
        steps.theSandboxHandlesThenResetsTimes("POST /api/v2/customdomains", 1);
        steps.theSandboxDelays("GET /api/v2/auditlogs", 250);
        steps.theSandboxAnswersMalformedJson("PUT /api/v2/customdomains/*");

        assertThat(ApiStub.sandbox().faults()).extracting(Object::toString)
                .containsExactly("reset --path /api/v2/customdomains*",
                        "reset-after --method POST --path /api/v2/customdomains --times 1",
                        "delay 250 --method GET --path /api/v2/auditlogs",
                        "malformed --method PUT --path /api/v2/customdomains/*");
        assertThatThrownBy(() -> steps.theSandboxAnswers(503, "customdomains"))
                .hasMessage("request target must be \"METHOD /path\" or \"/path\", not \"customdomains\"");
    }

    @Test
    void theClockStepMovesTheSandboxClockAndTheHookRewindsIt() {
        long before = ApiStub.clock().millis();

        steps.secondsPassOnTheSandboxClock(3600);

        assertThat(ApiStub.clock().millis() - before).isGreaterThanOrEqualTo(3_600_000);
        steps.startFromAFreshSandbox();
        assertThat(ApiStub.clock().millis() - before).isLessThan(3_600_000);
    }
}
