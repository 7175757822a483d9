package io.gctls.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.api.ApiRequest;
import io.gctls.api.Backoff;
import io.gctls.api.TransportFailure;
import io.gctls.core.Cancellation;
import io.gctls.core.Metrics;
import io.gctls.payload.CustomDomainPayload;
import io.gctls.testing.ScriptedApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A deploy whose caller already listed the domains: no lookup first, the same reconciliation after. */
class DeployerListedTest {

    private static final String FP = "ab12cd34";
    private final ScriptedApi api = ScriptedApi.options().breaker(50, Duration.ofSeconds(30)).seed(5).build();
    private final List<String> progress = new ArrayList<>();
    private final CustomDomainPayload payload = new CustomDomainPayload("www.example.com", "LEAF", "KEY", null, "web",
            "TLSv1.2", true);

    private static String entity(String id, String fingerprint) {
        return "{\"id\":\"" + id + "\",\"domain\":\"www.example.com\",\"status\":\"active\","
                + "\"certificateFingerprint\":\"" + fingerprint + "\"}";
    }

    private static String listOf(String id, String fingerprint) {
        return "{\"entities\":[" + entity(id, fingerprint) + "],\"pageNumber\":1,\"pageSize\":100,\"total\":1,"
                + "\"pageCount\":1}";
    }

    private DeployResult deploy(Optional<CustomDomain> listed) {
        CustomDomains domains = new CustomDomains(api.client, CustomDomains.DEFAULT_PATH, progress::add);
        Deployer deployer = new Deployer(domains, api.executor.settings(), new Backoff(Duration.ofMillis(500),
                Duration.ofSeconds(30), new SplittableRandom(5)), api.clock, new Metrics(), api.client::pause);
        return deployer.deployListed(payload, FP, listed, true, Cancellation.never(), progress::add);
    }

    private static CustomDomain listed(String id, String fingerprint) {
        return new CustomDomain(id, "www.example.com", "active", "web", "", "", fingerprint, "", "", "TLSv1.2");
    }

    @Test
    void absentFromTheListIsOneCreateAndNoLookup() {
        api.transport.answer(201, entity("d-1", FP));

        DeployResult result = deploy(Optional.empty());

        assertThat(result.action()).isEqualTo(DeployResult.CREATED);
        assertThat(api.sent()).extracting(r -> r.method()).containsExactly(ApiRequest.Method.POST);
    }

    @Test
    void listedWithAnotherCertificateIsOnePut() {
        api.transport.answer(200, entity("d-9", FP));

        DeployResult result = deploy(Optional.of(listed("d-9", "ffff")));

        assertThat(result.action()).isEqualTo(DeployResult.REPLACED);
        assertThat(api.sent()).extracting(r -> r.method()).containsExactly(ApiRequest.Method.PUT);
        assertThat(api.sent().get(0).url()).endsWith("/api/v2/customdomains/d-9");
    }

    @Test
    void listedWithThisCertificateSendsNothing() {
        DeployResult result = deploy(Optional.of(listed("d-9", FP)));

        assertThat(result.action()).isEqualTo(DeployResult.UNCHANGED);
        assertThat(api.sent()).isEmpty();
    }

    @Test
    void aResetAfterTheCreateIsLookedUpAndNeverCreatedTwice() {
        api.transport.fail(TransportFailure.Kind.RESET).answer(200, listOf("d-1", FP));

        DeployResult result = deploy(Optional.empty());

        assertThat(result.action()).isEqualTo(DeployResult.CREATED);
        assertThat(result.reconciled()).isTrue();
        assertThat(api.sent()).extracting(r -> r.method())
                .containsExactly(ApiRequest.Method.POST, ApiRequest.Method.GET);
    }
}
