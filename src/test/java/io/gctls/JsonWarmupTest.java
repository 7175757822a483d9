package io.gctls;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Json;
import org.junit.jupiter.api.Test;

/** The warm-up's document must go through Jackson's record, enum and time writers without failing. */
class JsonWarmupTest {

    @Test
    void theSampleSerialisesThroughTheProjectsMapper() {
        String json = Json.pretty(JsonWarmup.sample());
        assertThat(json).contains("\"level\" : \"low\"", "\"at\" : \"1970-01-01T00:00:00Z\"", "\"missing\" : null",
                "\"data\" : {").doesNotContain("hidden");
    }
}
