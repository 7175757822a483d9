package io.gctls.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.cert.CertInspector;
import io.gctls.cert.InspectRequest;
import io.gctls.cert.Inspection;
import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Json;
import io.gctls.core.Prompter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PayloadBuilderTest {

    private static final Path FIXTURES = Path.of(System.getProperty("gctls.projectDir", ".")).resolve("fixtures/certs");
    private final CertInspector inspector = new CertInspector(Clock.systemUTC(), Environment.of(Map.of()));

    private Inspection inspect(String cert, String key, String chain) {
        return inspector.inspect(new InspectRequest(FIXTURES.resolve(cert), Optional.of(FIXTURES.resolve(key)),
                Optional.ofNullable(chain).map(FIXTURES::resolve), Optional.of("www.example.com"),
                Optional.of(FIXTURES.resolve("pki/root-ca.pem")), Optional.empty(), 30), Prompter.none());
    }

    @Test
    void theBodyHasEveryFieldOfTheContractWithTheChainInServingOrder() {
        BuiltPayload built = PayloadBuilder.build(inspect("chain/leaf.pem", "chain/leaf.key", "chain/chain.pem"),
                "www.example.com", new PayloadSettings(PayloadSettings.TLS_13, true, "web"));
        JsonNode body = Json.mapper().readTree(built.payload().toRequestJson());
        assertThat(body.path("domain").asString()).isEqualTo("www.example.com");
        assertThat(body.path("certificate").asString()).startsWith("-----BEGIN CERTIFICATE-----")
                .containsOnlyOnce("BEGIN CERTIFICATE");
        assertThat(body.path("privateKey").asString()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(body.path("certificateChain").asString().split("BEGIN CERTIFICATE", -1)).hasSize(3);
        assertThat(body.path("type").asString()).isEqualTo("web");
        assertThat(body.path("settings").path("tlsVersion").asString()).isEqualTo("TLSv1.3");
        assertThat(body.path("settings").path("ocspStapling").asBoolean()).isTrue();
        assertThat(built.leafFingerprint()).matches("[0-9a-f]{64}");
    }

    @Test
    void aReversedChainIsPutInServingOrderAndSaysSo() {
        BuiltPayload good = PayloadBuilder.build(inspect("chain/leaf.pem", "chain/leaf.key", "chain/chain.pem"),
                "www.example.com", PayloadSettings.defaults());
        BuiltPayload fixed = PayloadBuilder.build(inspect("chain/leaf.pem", "chain/leaf.key",
                "chain-out-of-order/chain.pem"), "www.example.com", PayloadSettings.defaults());
        assertThat(fixed.payload().certificateChain()).isEqualTo(good.payload().certificateChain());
        assertThat(fixed.fixups()).contains("reordered the chain to serving order");
        assertThat(fixed.warnings()).anySatisfy(w -> assertThat(w).startsWith("chain-out-of-order"));
    }

    @Test
    void theRootIsDroppedFromTheChain() {
        BuiltPayload fixed = PayloadBuilder.build(inspect("chain/leaf.pem", "chain/leaf.key",
                "root-included/chain.pem"), "www.example.com", PayloadSettings.defaults());
        assertThat(fixed.payload().certificateChain().split("BEGIN CERTIFICATE", -1)).hasSize(3);
        assertThat(fixed.fixups()).anySatisfy(f -> assertThat(f).startsWith("dropped the trust anchor"));
    }

    @Test
    void anErrorVerdictBuildsNothingAndSaysWhy() {
        Inspection expired = inspect("expired/leaf.pem", "expired/leaf.key", "expired/chain.pem");
        assertThatThrownBy(() -> PayloadBuilder.build(expired, "www.example.com", PayloadSettings.defaults()))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT);
                    assertThat(e.getMessage()).startsWith("the certificate verdict is error (expired")
                            .contains("nothing was built and nothing was sent");
                });
    }

    @Test
    void theKeyIsNeverInTheTextOfThePayloadObjects() throws Exception {
        BuiltPayload built = PayloadBuilder.build(inspect("chain/leaf.pem", "chain/leaf.key", "chain/chain.pem"),
                "www.example.com", PayloadSettings.defaults());
        String keyBody = built.payload().privateKey().lines().filter(l -> !l.startsWith("-----")).findFirst()
                .orElseThrow();
        assertThat(built.toString()).doesNotContain(keyBody);
        assertThat(built.payload().toString()).doesNotContain(keyBody).contains("<redacted>");
        assertThat(Json.pretty(PayloadPreview.of(built))).doesNotContain(keyBody).doesNotContain("PRIVATE KEY")
                .contains("\"redacted\" : true");
        assertThat(Files.readString(FIXTURES.resolve("chain/leaf.key"))).isNotEmpty();
    }
}
