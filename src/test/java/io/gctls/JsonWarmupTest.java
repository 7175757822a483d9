package io.gctls;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Json;
import org.junit.jupiter.api.Test;

/** The head starts: the warm-up's document goes through Jackson's record, enum and time writers; who gets one. */
class JsonWarmupTest {

    @Test
    void theSampleSerialisesThroughTheProjectsMapper() {
        String json = Json.pretty(JsonWarmup.sample());
        assertThat(json).contains("\"level\" : \"low\"", "\"at\" : \"1970-01-01T00:00:00Z\"", "\"missing\" : null",
                "\"data\" : {").doesNotContain("hidden");
    }

    @Test
    void versionAndHelpGetNoHeadStartEverythingElseDoes() {
        assertThat(GctlsApplication.answersAtOnce(new String[] {"--version"})).isTrue();
        assertThat(GctlsApplication.answersAtOnce(new String[] {"help", "deploy"})).isTrue();
        assertThat(GctlsApplication.answersAtOnce(new String[] {"-h"})).isTrue();
        assertThat(GctlsApplication.answersAtOnce(new String[] {"cert", "inspect", "--output", "json"})).isFalse();
        assertThat(GctlsApplication.answersAtOnce(new String[0])).as("the prompt").isFalse();
    }

    @Test
    void certInspectStreamsItsJsonSoGetsNoWarmUp() {
        assertThat(GctlsApplication.streamsItsJson(new String[] {"cert", "inspect", "--output", "json"})).isTrue();
        assertThat(GctlsApplication.streamsItsJson(new String[] {"--sandbox", "cert", "inspect", "--cert", "a.pem"}))
                .isTrue();
        assertThat(GctlsApplication.streamsItsJson(new String[] {"domains", "status", "--output", "json"})).isFalse();
        assertThat(GctlsApplication.streamsItsJson(new String[] {"cert"})).isFalse();
    }
}
