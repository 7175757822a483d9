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
    void aServerThatKeepsSayingMoreIsStoppedByTheBound() {
        api.transport.thenAlways(200, page(1, 100000, "a.example.com"));
        assertThatThrownBy(() -> domains().list(Optional.empty(), Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("still had more pages after 200 pages");
                });
        assertThat(api.sent()).hasSize(CustomDomains.MAX_PAGES);
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
