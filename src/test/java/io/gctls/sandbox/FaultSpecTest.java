package io.gctls.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FaultSpecTest {

    @Test
    void parsesAStatusWithPathAndTimes() {
        FaultSpec fault = FaultSpec.parse("503 --path /api/v2/customdomains* --times 3");

        assertThat(fault.kind()).isEqualTo(FaultSpec.Kind.STATUS);
        assertThat(fault.status()).isEqualTo(503);
        assertThat(fault.pathGlob()).isEqualTo("/api/v2/customdomains*");
        assertThat(fault.times()).hasValue(3);
        assertThat(fault.method()).isEmpty();
    }

    @Test
    void parsesEveryKind() {
        assertThat(FaultSpec.parse("reset").kind()).isEqualTo(FaultSpec.Kind.RESET);
        assertThat(FaultSpec.parse("reset-after --method post").method()).hasValue("POST");
        assertThat(FaultSpec.parse("delay 1500").delayMillis()).isEqualTo(1500);
        assertThat(FaultSpec.parse("MALFORMED").kind()).isEqualTo(FaultSpec.Kind.MALFORMED);
    }

    @Test
    void acceptsAMethodAndPathPair() {
        FaultSpec fault = FaultSpec.parse("503 POST /api/v2/customdomains --times 2");

        assertThat(fault.method()).hasValue("POST");
        assertThat(fault.pathGlob()).isEqualTo("/api/v2/customdomains");
        assertThat(fault).isEqualTo(FaultSpec.status(503).method("POST").path("/api/v2/customdomains").times(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"503", "reset --path /oauth/token", "reset-after --method POST --path /api/v2/x* --times 1",
            "delay 250 --times 4", "malformed --method GET"})
    void printsWhatItParses(String text) {
        assertThat(FaultSpec.parse(text).toString()).isEqualTo(text);
        assertThat(FaultSpec.parse(FaultSpec.parse(text).toString())).isEqualTo(FaultSpec.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|fault needs a kind",
            "explode|unknown fault 'explode': expected an HTTP status",
            "200|fault status must be an HTTP error status (400-599), not 200",
            "delay|fault delay MS needs a whole number, not ''",
            "delay soon|fault delay MS needs a whole number, not 'soon'",
            "delay 99999999999|fault delay MS is too large: '99999999999' (at most 999999999)",
            "delay \u0663|fault delay MS needs a whole number, not '\u0663'",
            "503 --times 0|fault --times must be 1 or more, not 0",
            "503 --times|fault --times N needs a whole number, not ''",
            "503 --path|fault option --path needs a value",
            "503 --path --times 2|fault option --path needs a value",
            "503 --colour red|unexpected '--colour' in fault: options are --method M, --path GLOB, --times N and (for 429) --retry-after SECONDS",
            "503 --method P0ST|fault method must be an HTTP method such as POST, not 'P0ST'"})
    void refusesWithAMessageNamingTheProblem(String text, String message) {
        assertThatThrownBy(() -> FaultSpec.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void globsMatchTheWholePath() {
        FaultSpec prefix = FaultSpec.status(503).path("/api/v2/customdomains*");
        FaultSpec exact = FaultSpec.status(503).path("/api/v2/customdomains");
        FaultSpec single = FaultSpec.status(503).path("/api/v2/customdomains/?");

        assertThat(prefix.matches("GET", "/api/v2/customdomains")).isTrue();
        assertThat(prefix.matches("GET", "/api/v2/customdomains/abc")).isTrue();
        assertThat(prefix.matches("GET", "/api/v2/audits/query")).isFalse();
        assertThat(exact.matches("POST", "/api/v2/customdomains/abc")).isFalse();
        assertThat(single.matches("GET", "/api/v2/customdomains/a")).isTrue();
        assertThat(single.matches("GET", "/api/v2/customdomains/ab")).isFalse();
        assertThat(FaultSpec.status(503).path("/api/v2/a.b").matches("GET", "/api/v2/axb")).isFalse();
        assertThat(FaultSpec.status(503).method("POST").matches("GET", "/x")).isFalse();
        assertThat(FaultSpec.status(503).matches("DELETE", "/anything/at/all")).isTrue();
    }

    @Test
    void a429CanSayHowLongToWaitOrNothingAtAll() {
        FaultSpec hours = FaultSpec.parse("429 --method POST --retry-after 7200 --times 1");
        FaultSpec silent = FaultSpec.parse("429 --retry-after none");

        assertThat(hours.retryAfter()).hasValue("7200");
        assertThat(hours.toString()).isEqualTo("429 --method POST --times 1 --retry-after 7200");
        assertThat(FaultSpec.parse(hours.toString())).isEqualTo(hours);
        assertThat(silent.retryAfter()).hasValue("none");
        assertThatThrownBy(() -> FaultSpec.parse("503 --retry-after 5"))
                .hasMessage("--retry-after goes with a 429 fault only");
        assertThatThrownBy(() -> FaultSpec.parse("429 --retry-after soon"))
                .hasMessage("fault --retry-after needs whole seconds or none, not 'soon'");
    }
}
