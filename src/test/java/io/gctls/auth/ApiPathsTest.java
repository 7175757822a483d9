package io.gctls.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.Environment;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiPathsTest {

    @Test
    void theAssumedPathsAreTheDefault() {
        assertThat(ApiPaths.resolve(Environment.of(Map.of()), Optional.empty())).isEqualTo(ApiPaths.defaults());
    }

    @Test
    void theEnvironmentBeatsTheProfile() {
        Profile profile = new Profile("p", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Map.of("customdomains", "/api/v2/webdeployments/domains", "auditlogs", "/x/logs/"));
        ApiPaths fromProfile = ApiPaths.resolve(Environment.of(Map.of()), Optional.of(profile));
        assertThat(fromProfile.customDomains()).isEqualTo("/api/v2/webdeployments/domains");
        assertThat(fromProfile.auditLogs()).isEqualTo("/x/logs");
        ApiPaths fromEnv = ApiPaths.resolve(Environment.of(Map.of("GCTLS_CUSTOMDOMAINS_PATH", "/v3/domains")),
                Optional.of(profile));
        assertThat(fromEnv.customDomains()).isEqualTo("/v3/domains");
    }

    @Test
    void aPathWithAQueryIsRefused() {
        assertThatThrownBy(() -> ApiPaths.resolve(Environment.of(Map.of("GCTLS_CUSTOMDOMAINS_PATH", "v2?x=1")),
                Optional.empty())).hasMessageContaining("must start with /");
    }
}
