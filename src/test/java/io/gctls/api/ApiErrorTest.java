package io.gctls.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

    @Test
    void aGenesysBodyGivesCodeMessageDetailsAndContextId() {
        ApiError e = ApiError.from(RawResponse.of(400, "{\"message\":\"Bad cert\\nsecond line\",\"code\":\"bad.request\","
                + "\"status\":400,\"contextId\":\"c-1\",\"details\":[{\"errorCode\":\"invalid\",\"fieldName\":\"certificate\"}],"
                + "\"errors\":[{\"message\":\"nested problem\"}]}", Map.of("inin-correlation-id", "corr-1")));
        assertThat(e.summary()).isEqualTo("400 bad.request: Bad cert second line; certificate (invalid); nested problem "
                + "(contextId c-1)");
    }

    @Test
    void anOAuthBodyGivesErrorAndDescription() {
        ApiError e = ApiError.from(RawResponse.of(401, "{\"error\":\"invalid_client\",\"error_description\":\"nope\"}",
                Map.of("inin-correlation-id", "corr-2")));
        assertThat(e.code()).isEqualTo("invalid_client");
        assertThat(e.message()).isEqualTo("nope");
        assertThat(e.contextId()).isEqualTo("corr-2"); // falls back to the correlation id
    }

    @Test
    void aBodyThatIsNotJsonIsSaidSoWithoutEchoingIt() {
        ApiError e = ApiError.from(RawResponse.of(502, "<html><body>Bad Gateway</body></html>", Map.of()));
        assertThat(e.summary()).isEqualTo("502: the answer is not JSON");
    }

    @Test
    void aVeryLongMessageIsCut() {
        ApiError e = ApiError.from(RawResponse.of(400, "{\"message\":\"" + "x".repeat(1000) + "\"}", Map.of()));
        assertThat(e.summary().length()).isLessThan(320);
    }
}
