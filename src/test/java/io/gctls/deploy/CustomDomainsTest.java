package io.gctls.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.testing.ScriptedApi;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomDomainsTest {

    private final ScriptedApi api = ScriptedApi.create();

    private CustomDomains domains() {
        return new CustomDomains(api.client, "/api/v2/customdomains", line -> { });
    }

    private static String page(int number, int count, String... domains) {
        StringBuilder entities = new StringBuilder();
        for (String d : domains) {
            entities.append(entities.isEmpty() ? "" : ",").append("{\"id\":\"id-").append(d).append("\",\"domain\":\"")
                    .append(d).append("\"}");
        }
        return "{\"entities\":[" + entities + "],\"pageNumber\":" + number + ",\"pageSize\":100,\"pageCount\":" + count + "}";
    }

    @Test
    void everyPageIsFetched() {
        api.transport.answer(200, page(1, 3, "a.example.com")).answer(200, page(2, 3, "b.example.com"))
                .answer(200, page(3, 3, "c.example.com"));
        assertThat(domains().list(Optional.empty(), Cancellation.never())).extracting(CustomDomain::domain)
                .containsExactly("a.example.com", "b.example.com", "c.example.com");
        assertThat(api.sent()).extracting(r -> r.query().get("pageNumber")).containsExactly("1", "2", "3");
    }

    @Test
    void theDomainFilterIsSentAndCheckedAgainBecauseServersMayIgnoreIt() {
        api.transport.answer(200, page(1, 1, "other.example.com", "WWW.example.com"));
        assertThat(domains().find("www.example.com", Cancellation.never())).map(CustomDomain::id)
                .contains("id-WWW.example.com");
        assertThat(api.sent().get(0).query()).containsEntry("domain", "www.example.com");
    }

    @Test
    void aServerRepeatingTheSamePageIsStopped() {
        api.transport.thenAlways(200, page(1, 100000, "a.example.com"));
        assertThatThrownBy(() -> domains().list(Optional.empty(), Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("is repeating itself: pages 1 to 3 hold the same 1 domains");
                });
        assertThat(api.sent()).hasSize(3);
    }

    @Test
    void aServerServingPagesOf25IsReadToTheEndAtItsSize() {
        // 60 domains, pages capped at 25, no pageCount: the old loop stopped after the first short page
        for (int p = 1; p <= 3; p++) {
            StringBuilder entities = new StringBuilder();
            for (int i = (p - 1) * 25; i < Math.min(p * 25, 60); i++) {
                entities.append(entities.isEmpty() ? "" : ",").append("{\"id\":\"id-").append(i)
                        .append("\",\"domain\":\"d").append(i).append(".example.com\"}");
            }
            api.transport.answer(200, "{\"entities\":[" + entities + "],\"pageNumber\":" + p + ",\"pageSize\":25}");
        }
        assertThat(domains().list(Optional.empty(), Cancellation.never())).hasSize(60);
        assertThat(api.sent()).extracting(r -> r.query().get("pageSize")).containsExactly("100", "25", "25");
    }

    @Test
    void aServerThatKeepsSayingMoreWithNewDomainsIsStoppedByTheDomainBound() {
        int[] served = {0};
        io.gctls.api.HttpTransport endless = request -> {
            StringBuilder entities = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                int n = served[0]++;
                entities.append(entities.isEmpty() ? "" : ",").append("{\"id\":\"id-").append(n)
                        .append("\",\"domain\":\"d").append(n).append(".example.com\"}");
            }
            return io.vertx.core.Future.succeededFuture(io.gctls.api.RawResponse.of(200, "{\"entities\":[" + entities
                    + "],\"pageSize\":100,\"pageCount\":1000000}", java.util.Map.of()));
        };
        io.gctls.api.RequestExecutor executor = new io.gctls.api.RequestExecutor(endless, api.waiter, api.clock,
                io.gctls.api.RetrySettings.defaults(), new io.gctls.api.Circuits(ScriptedApi.sharedVertx(), api.clock, 5,
                        java.time.Duration.ofSeconds(30)), new java.util.SplittableRandom(1));
        CustomDomains list = new CustomDomains(new io.gctls.api.ApiClient(executor, "https://api.example.test",
                new ScriptedApi.StaticToken()), "/api/v2/customdomains", line -> { });
        assertThatThrownBy(() -> list.list(Optional.empty(), Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class, e -> assertThat(e.getMessage())
                        .contains("still had more after " + CustomDomains.MAX_DOMAINS + " domains in 500 pages"));
    }

    @Test
    void aListWithoutEntitiesIsMalformed() {
        api.transport.answer(200, "{\"items\":[]}");
        assertThatThrownBy(() -> domains().list(Optional.empty(), Cancellation.never()))
                .hasMessageContaining("no entities list");
    }

    @Test
    void theFingerprintComesFromTheCertificateWhenTheApiDoesNotGiveIt() throws Exception {
        String pem = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("gctls.projectDir", "."))
                .resolve("fixtures/certs/chain/leaf.pem"));
        CustomDomain d = CustomDomain.from(io.gctls.core.Json.mapper().readTree(
                io.gctls.core.Json.compact(java.util.Map.of("id", "x", "domain", "www.example.com", "certificate", pem))));
        assertThat(d.certificateFingerprint()).matches("[0-9a-f]{64}");
        assertThat(d.holds(d.certificateFingerprint().toUpperCase())).contains(true);
        assertThat(d.certificateSubject()).contains("CN=www.example.com");
    }
}
