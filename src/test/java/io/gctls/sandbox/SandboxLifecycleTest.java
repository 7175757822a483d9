package io.gctls.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.gctls.sandbox.SandboxHttp.domainBody;
import static io.gctls.sandbox.SandboxHttp.genesysError;
import static io.gctls.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Start, status, reset between scenarios, per-scenario stubs on top, the baseline stub files. */
class SandboxLifecycleTest {

    private static final Instant NOW = Instant.now();
    private static final TestPki PKI = new TestPki(NOW);

    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults().ratePerMinute(50));
    private final Sandbox sandbox = RUNNING.sandbox();
    private final SandboxHttp http = RUNNING.http();

    @Test
    void listensOnLoopbackWithTheFixedClient() {
        assertThat(sandbox.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(sandbox.port()).isPositive();
        assertThat(sandbox.clientId()).isEqualTo("gctls-sandbox");
        assertThat(sandbox.clientSecret()).isEqualTo("gctls-sandbox-secret");
        assertThat(sandbox.isRunning()).isTrue();
    }

    @Test
    void statusCountsWhatItHolds() throws IOException {
        String token = http.login();
        http.post("/api/v2/customdomains", token, domainBody("www.example.com", PKI.leaf("www.example.com", NOW)));
        sandbox.addFault(FaultSpec.status(503).path("/api/v2/auditlogs").times(2));

        SandboxStatus status = sandbox.status();

        assertThat(status.running()).isTrue();
        assertThat(status.url()).isEqualTo(sandbox.baseUrl());
        assertThat(status.domains()).isEqualTo(1);
        assertThat(status.auditEvents()).isEqualTo(1);
        assertThat(status.liveTokens()).isEqualTo(1);
        assertThat(status.requests()).isEqualTo(2);
        assertThat(status.ratePerMinute()).isEqualTo(50);
        assertThat(status.tokenLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(status.jwtTokens()).isFalse();
        assertThat(status.faults()).extracting(FaultSpec::toString).containsExactly("503 --path /api/v2/auditlogs --times 2");
    }

    @Test
    void resetForgetsEverything() throws IOException {
        String token = http.login();
        http.post("/api/v2/customdomains", token, domainBody("www.example.com", PKI.leaf("www.example.com", NOW)));
        sandbox.addFault(FaultSpec.status(503).path("/api/v2/auditlogs"));
        sandbox.ratePerMinute(1);
        sandbox.tokenLifetime(Duration.ofMinutes(5));
        sandbox.jwtTokens(true);
        sandbox.server().stubFor(get("/api/v2/extra").willReturn(aResponse().withStatus(418)));

        sandbox.reset();

        assertThat(sandbox.domains()).isEmpty();
        assertThat(sandbox.auditEvents()).isEmpty();
        assertThat(sandbox.faults()).isEmpty();
        SandboxStatus status = sandbox.status();
        assertThat(status.liveTokens()).isZero();
        assertThat(status.requests()).isZero();
        assertThat(status.ratePerMinute()).isEqualTo(50);
        assertThat(status.tokenLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(status.jwtTokens()).isFalse();
        genesysError(http.get("/api/v2/tokens/me", token), 401, "bad.credentials");
        String fresh = http.login();
        assertThat(fresh).doesNotContain(".");
        genesysError(http.get("/api/v2/extra", fresh), 404, "not.found");
        assertThat(http.get("/api/v2/auditlogs", fresh).statusCode()).isEqualTo(200);
        assertThat(sandbox.server().getStubMappings()).hasSize(BaselineMappings.FILES.size());
    }

    @Test
    void aPerScenarioStubWinsOverTheEmulator() throws IOException {
        String token = http.login();
        sandbox.server().stubFor(get(urlPathEqualTo("/api/v2/customdomains"))
                .willReturn(aResponse().withStatus(200).withBody("{\"entities\":[],\"total\":99}")));

        assertThat(json(http.get("/api/v2/customdomains", token)).get("total").intValue()).isEqualTo(99);
        assertThat(http.post("/api/v2/customdomains", token,
                domainBody("www.example.com", PKI.leaf("www.example.com", NOW))).statusCode()).isEqualTo(201);
    }

    @Test
    void aStubCanRouteToTheEmulatorByTransformerName() throws IOException {
        sandbox.server().stubFor(get("/api/v2/alias/tokens/me").atPriority(1)
                .willReturn(aResponse().withTransformers(Sandbox.TRANSFORMER)));

        // The emulator sees the real path, so the alias answers the emulator's 404.
        genesysError(http.get("/api/v2/alias/tokens/me", http.login()), 404, "not.found");
    }

    @Test
    void theJournalCountsRequests() throws IOException {
        String token = http.login();
        http.post("/api/v2/customdomains", token, domainBody("a.example.com", PKI.leaf("a.example.com", NOW)));
        http.post("/api/v2/customdomains", token, domainBody("a.example.com", PKI.leaf("a.example.com", NOW)));

        assertThat(sandbox.server().findAll(postRequestedFor(urlPathEqualTo("/api/v2/customdomains")))).hasSize(2);
        assertThat(sandbox.server().findAll(postRequestedFor(urlPathEqualTo("/oauth/token")))).hasSize(1);
    }

    @Test
    void certificateDetailsDescribesEveryCertificateInThePem() throws IOException {
        TestPki.Issued leaf = PKI.leaf("www.example.com", NOW);
        TestPki.Issued expired = PKI.leaf("old.example.com", TestPki.ecKey(), NOW.minus(Duration.ofDays(30)),
                NOW.minus(Duration.ofDays(1)));
        String pem = leaf.certificatePem() + PKI.ca.certificatePem() + expired.certificatePem();

        JsonNode body = json(http.post("/api/v2/certificate/details", http.login(), Map.of("certificate", pem)));

        JsonNode details = body.get("certificateDetails");
        assertThat(details.values()).hasSize(3);
        assertThat(details.at("/0/subject").stringValue()).isEqualTo("CN=www.example.com");
        assertThat(details.at("/0/issuer").stringValue()).isEqualTo("CN=gctls sandbox test CA");
        assertThat(details.at("/0/issueDate").stringValue()).endsWith("Z");
        assertThat(details.at("/0/expirationDate").stringValue()).endsWith("Z");
        assertThat(details.at("/0/expired").booleanValue()).isFalse();
        assertThat(details.at("/0/signatureValid").booleanValue()).isTrue();
        assertThat(details.at("/0/valid").booleanValue()).isTrue();
        assertThat(details.at("/1/signatureValid").booleanValue()).isTrue();
        assertThat(details.at("/2/expired").booleanValue()).isTrue();
        assertThat(details.at("/2/valid").booleanValue()).isFalse();
    }

    @Test
    void certificateDetailsWithoutTheIssuerCannotVouchForTheSignature() throws IOException {
        String token = http.login();
        JsonNode alone = json(http.post("/api/v2/certificate/details", token,
                Map.of("certificate", PKI.leaf("www.example.com", NOW).certificatePem())));

        assertThat(alone.at("/certificateDetails/0/signatureValid").booleanValue()).isFalse();
        assertThat(genesysError(http.post("/api/v2/certificate/details", token, Map.of("certificate", "junk")), 400,
                "bad.request").at("/details/0/fieldName").stringValue()).isEqualTo("certificate");
        genesysError(http.post("/api/v2/certificate/details", token, Map.of()), 400, "bad.request");
    }

    @Test
    void theBaselineListNamesEveryFixtureFile() throws IOException {
        Path mappings = Path.of(System.getProperty("gctls.projectDir", ".")).resolve("fixtures/wiremock/mappings");
        try (Stream<Path> files = Files.list(mappings)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(BaselineMappings.FILES.stream().sorted().toList());
        }
        assertThat(sandbox.server().getStubMappings()).allSatisfy(stub -> {
            assertThat(stub.getResponse().getTransformers()).containsExactly(Sandbox.TRANSFORMER);
            assertThat(stub.getPriority()).isIn(Sandbox.BASELINE_PRIORITY, Sandbox.FALLBACK_PRIORITY);
        });
    }

    @Test
    void baselineStubsCanComeFromADirectory(@TempDir Path dir) throws IOException {
        Path fixtures = Path.of(System.getProperty("gctls.projectDir", ".")).resolve("fixtures/wiremock/mappings");
        for (String file : BaselineMappings.FILES) {
            Files.copy(fixtures.resolve(file), dir.resolve(file));
        }
        // Without the custom-domain stub those paths fall through to the catch-all: still the emulator.
        Files.writeString(dir.resolve("customdomains.json"), Files.readString(dir.resolve("customdomains.json"))
                .replace("/api/v2/customdomains", "/api/v2/x"));

        try (Sandbox fromDir = Sandbox.start(SandboxOptions.defaults().mappingsDirectory(dir))) {
            SandboxHttp client = new SandboxHttp(fromDir);
            assertThat(fromDir.server().getStubMappings()).extracting(s -> s.getRequest().getUrlPathPattern())
                    .contains("/api/v2/x(/[^/]+)?");
            assertThat(client.get("/api/v2/customdomains", client.login()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theHttpAdminApiIsLockedUnlessOpened() throws IOException {
        String token = http.login();
        http.post("/api/v2/customdomains", token, domainBody("www.example.com", PKI.leaf("www.example.com", NOW)));

        assertThat(http.get("/__admin/requests", null).statusCode()).isEqualTo(401);
        assertThat(sandbox.server().getAllServeEvents()).hasSize(2);
        try (Sandbox open = Sandbox.start(SandboxOptions.defaults().adminApi(true))) {
            assertThat(new SandboxHttp(open).get("/__admin/requests", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void stopClosesThePort() throws IOException {
        Sandbox other = Sandbox.start();
        String url = other.baseUrl();

        other.close();

        assertThat(other.isRunning()).isFalse();
        assertThat(other.status().running()).isFalse();
        assertThat(other.status().url()).isNull();
        try (java.net.Socket socket = new java.net.Socket()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> socket.connect(
                    new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(url.substring(url.lastIndexOf(':') + 1))),
                    1000)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void optionsAreChecked() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxOptions.defaults().ratePerMinute(0))
                .hasMessage("rate must be 1 or more requests per minute, not 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sandbox.tokenLifetime(Duration.ZERO))
                .hasMessage("token lifetime must be positive, not PT0S");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sandbox.auditQueryPolls(0))
                .hasMessage("audit query polls must be 1 or more, not 0");
        assertThat(List.of(SandboxOptions.defaults().ratePerMinute(), SandboxOptions.defaults().auditQueryPolls()))
                .containsExactly(300, 3);
    }
}
