package io.gctls.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.api.ApiClient;
import io.gctls.api.Circuits;
import io.gctls.api.RequestExecutor;
import io.gctls.api.RetrySettings;
import io.gctls.api.TokenSource;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.testing.MutableClock;
import io.gctls.testing.RecordingWaiter;
import io.gctls.testing.ScriptedTransport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomDomainsTest {

    private static Vertx vertx;
    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-12-01T10:00:00Z"));
    private final ScriptedTransport transport = new ScriptedTransport();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    private CustomDomains domains() {
        RequestExecutor executor = new RequestExecutor(transport, new RecordingWaiter(clock), clock,
                RetrySettings.defaults(), new Circuits(vertx, clock, 5, Duration.ofSeconds(30)), new SplittableRandom(1));
        TokenSource tokens = new TokenSource() {
            @Override
            public Future<String> accessToken() {
                return Future.succeededFuture("tok-123456");
            }

            @Override
            public Future<String> replace(String rejected) {
                return accessToken();
            }
        };
        return new CustomDomains(new ApiClient(executor, "https://api.example.test", tokens), "/api/v2/customdomains",
                line -> { });
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
        transport.answer(200, page(1, 3, "a.example.com")).answer(200, page(2, 3, "b.example.com"))
                .answer(200, page(3, 3, "c.example.com"));
        assertThat(domains().list(Optional.empty(), Cancellation.never())).extracting(CustomDomain::domain)
                .containsExactly("a.example.com", "b.example.com", "c.example.com");
        assertThat(transport.sent()).extracting(r -> r.query().get("pageNumber")).containsExactly("1", "2", "3");
    }

    @Test
    void theDomainFilterIsSentAndCheckedAgainBecauseServersMayIgnoreIt() {
        transport.answer(200, page(1, 1, "other.example.com", "WWW.example.com"));
        assertThat(domains().find("www.example.com", Cancellation.never())).map(CustomDomain::id)
                .contains("id-WWW.example.com");
        assertThat(transport.sent().get(0).query()).containsEntry("domain", "www.example.com");
    }

    @Test
    void aServerThatKeepsSayingMoreIsStoppedByTheBound() {
        transport.thenAlways(200, page(1, 100000, "a.example.com"));
        assertThatThrownBy(() -> domains().list(Optional.empty(), Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("still had more pages after 200 pages");
                });
        assertThat(transport.sent()).hasSize(CustomDomains.MAX_PAGES);
    }

    @Test
    void aListWithoutEntitiesIsMalformed() {
        transport.answer(200, "{\"items\":[]}");
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
