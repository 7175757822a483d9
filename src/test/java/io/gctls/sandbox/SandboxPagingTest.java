package io.gctls.sandbox;

import static io.gctls.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.testing.MutableClock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The custom-domain list over more than a thousand domains (one test: storing them is most of its
 * cost): every domain once, in creation order, a page past the end, and a filter that finds one.
 */
class SandboxPagingTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final MutableClock CLOCK = MutableClock.fixed(NOW);
    private static final TestPki PKI = new TestPki(NOW);
    private static final int DOMAINS = 1_050;

    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults().clock(CLOCK)
            .ratePerMinute(10_000));
    private final Sandbox sandbox = RUNNING.sandbox();
    private final SandboxHttp http = RUNNING.http();

    @BeforeEach
    void overAThousandDomains() {
        // one certificate for every name: the store does not check the name against the SANs
        TestPki.Issued leaf = PKI.leaf("fleet.example.com", NOW);
        for (int i = 0; i < DOMAINS; i++) {
            sandbox.putDomain(name(i), leaf.certificatePem(), leaf.keyPem(), null);
        }
    }

    private static String name(int i) {
        return String.format("d%04d.fleet.example.com", i);
    }

    @Test
    void overAThousandDomainsPagesGiveEachOnceInOrderAndTheFilterFindsOne() throws IOException {
        String token = http.login();
        List<String> seen = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode page;
        int number = 1;
        do {
            page = json(http.get("/api/v2/customdomains?pageSize=100&pageNumber=" + number, token));
            assertThat(page.get("total").intValue()).isEqualTo(DOMAINS);
            assertThat(page.get("pageCount").intValue()).isEqualTo(11);
            page.get("entities").forEach(e -> {
                seen.add(e.get("domain").stringValue());
                ids.add(e.get("id").stringValue());
            });
            number++;
        } while (page.has("nextUri"));

        assertThat(number - 1).isEqualTo(11);
        assertThat(seen).hasSize(DOMAINS).startsWith(name(0), name(1)).endsWith(name(DOMAINS - 1));
        assertThat(ids).hasSize(DOMAINS);

        JsonNode beyond = json(http.get("/api/v2/customdomains?pageSize=100&pageNumber=12", token));
        assertThat(beyond.get("entities")).isEmpty();
        assertThat(beyond.get("total").intValue()).isEqualTo(DOMAINS);
        assertThat(beyond.has("nextUri")).isFalse();
        assertThat(beyond.get("previousUri").stringValue()).endsWith("pageNumber=11");

        JsonNode found = json(http.get("/api/v2/customdomains?domain=D1023.Fleet.Example.com", token));
        assertThat(found.get("total").intValue()).isEqualTo(1);
        String id = found.at("/entities/0/id").stringValue();

        assertThat(http.call("DELETE", "/api/v2/customdomains/" + id, token, null).statusCode()).isEqualTo(204);

        assertThat(json(http.get("/api/v2/customdomains?domain=" + name(1023), token)).get("total").intValue())
                .isZero();
        assertThat(json(http.get("/api/v2/customdomains?pageSize=1", token)).get("total").intValue())
                .isEqualTo(DOMAINS - 1);
        assertThat(sandbox.domains()).extracting(CustomDomain::domain).doesNotContain(name(1023));
    }
}
