package io.gctls.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void aRegionNameGivesTheApiAndLoginHostsOfItsDomain() {
        Endpoints e = Endpoints.forRegionOrDomain("eu-west-1");
        assertThat(e.apiUrl()).isEqualTo("https://api.mypurecloud.ie");
        assertThat(e.loginUrl()).isEqualTo("https://login.mypurecloud.ie");
        assertThat(e.region()).isEqualTo("eu-west-1");
        assertThat(Endpoints.forRegionOrDomain("us-east-2").apiUrl()).isEqualTo("https://api.use2.us-gov-pure.cloud");
        assertThat(Endpoints.forRegionOrDomain("AP-SOUTHEAST-1").apiUrl()).isEqualTo("https://api.apse1.pure.cloud");
    }

    @Test
    void everyRegionOfTheSpecIsKnown() {
        assertThat(Region.all()).hasSize(17).containsEntry("mx-central-1", "mxc1.pure.cloud")
                .containsEntry("ap-northeast-3", "apne3.pure.cloud");
    }

    @Test
    void aBareDomainWorksWithOrWithoutItsApiPrefix() {
        assertThat(Endpoints.forRegionOrDomain("mypurecloud.de").loginUrl()).isEqualTo("https://login.mypurecloud.de");
        assertThat(Endpoints.forRegionOrDomain("mypurecloud.de").region()).isEqualTo("eu-central-1");
        assertThat(Endpoints.forRegionOrDomain("api.usw2.pure.cloud").apiUrl()).isEqualTo("https://api.usw2.pure.cloud");
    }

    @Test
    void anUnknownRegionIsAUsageErrorThatListsTheRegions() {
        assertThatThrownBy(() -> Endpoints.forRegionOrDomain("eu-west-9"))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("unknown region 'eu-west-9'").contains("eu-west-1");
                });
    }

    @Test
    void theEnvUrlAliasDerivesTheLoginUrl() {
        assertThat(Endpoints.fromApiUrl("https://api.mypurecloud.com/", Optional.empty()).loginUrl())
                .isEqualTo("https://login.mypurecloud.com");
        // no api. prefix: the login service is at the same base
        assertThat(Endpoints.fromApiUrl("http://127.0.0.1:8089", Optional.empty()).loginUrl())
                .isEqualTo("http://127.0.0.1:8089");
        assertThat(Endpoints.fromApiUrl("http://127.0.0.1:8089", Optional.of("http://127.0.0.1:9000")).loginUrl())
                .isEqualTo("http://127.0.0.1:9000");
    }

    @Test
    void plainHttpIsRefusedUnlessTheHostIsLoopback() {
        assertThatThrownBy(() -> Endpoints.fromApiUrl("http://api.example.com", Optional.empty()))
                .isInstanceOf(GctlsException.class).hasMessageContaining("refusing plain http:// for api.example.com");
        assertThat(Endpoints.fromApiUrl("http://localhost:1234", Optional.empty()).apiUrl())
                .isEqualTo("http://localhost:1234");
        assertThat(Endpoints.fromApiUrl("http://[::1]:1234", Optional.empty()).apiUrl()).isEqualTo("http://[::1]:1234");
        assertThat(Endpoints.isLoopback("127.0.0.2")).isTrue();
        assertThat(Endpoints.isLoopback("localhost.evil.example")).isFalse();
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> Endpoints.fromApiUrl("ftp://api.example.com", Optional.empty()))
                .isInstanceOf(GctlsException.class).hasMessageContaining("must start with https://");
    }
}
