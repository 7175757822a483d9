package io.gctls.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.cert.CertInspector;
import io.gctls.cert.HttpNetwork;
import io.gctls.cert.InspectRequest;
import io.gctls.cert.InspectionReport;
import io.gctls.core.Environment;
import io.gctls.core.Prompter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's CA Issuers and OCSP endpoints, end to end over loopback HTTP with the real
 * {@link HttpNetwork}: a leaf it issued completes its chain from the sandbox's AIA URL, is good until
 * {@code revoke}, and revoked after.
 */
class SandboxPkiTest {

    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults());

    @TempDir
    Path tmp;

    private final CertInspector inspector = new CertInspector(Clock.systemUTC(), Environment.of(Map.of()),
            new HttpNetwork(Duration.ofSeconds(3)), Optional.empty());

    @Test
    void aLeafItIssuedIsRepairedFromItsAiaUrlThenRevokedByItsOcspResponder() throws Exception {
        Sandbox sandbox = RUNNING.sandbox();
        SandboxPki.Issued issued = sandbox.issue("www.example.com");
        Path leaf = Files.writeString(tmp.resolve("leaf.pem"), issued.certificatePem());
        Path root = Files.writeString(tmp.resolve("root.pem"), issued.rootPem());
        InspectRequest request = InspectRequest.of(leaf).withTrust(root).withDomain("www.example.com");

        InspectionReport before = inspector.inspect(request, Prompter.none()).report();
        assertThat(before.codes()).containsExactly("chain-completed-from-aia");
        assertThat(before.findings().get(0).message()).contains(sandbox.baseUrl() + "/pki/intermediate.der");
        assertThat(before.certificates().get(0).revocation()).isEqualTo("good (OCSP)");
        assertThat(before.network().fetches()).extracting(f -> f.purpose()).containsExactly("CA Issuers", "OCSP");

        sandbox.putDomain("www.example.com", issued.certificatePem(), issued.keyPem(), null);
        assertThat(sandbox.revoke("www.example.com")).isEqualTo(issued.serial().toString(16));

        InspectionReport after = inspector.inspect(request, Prompter.none()).report();
        assertThat(after.codes()).containsExactlyInAnyOrder("revoked", "chain-completed-from-aia");
        assertThat(after.findings().get(0).message()).contains("OCSP says so (keyCompromise)");
    }

    @Test
    void onlyWhatItIssuedCanBeRevoked() throws Exception {
        Sandbox sandbox = RUNNING.sandbox();
        assertThatThrownBy(() -> sandbox.revoke("nowhere.example.com"))
                .hasMessage("nowhere.example.com is not deployed in the sandbox (see: domains list)");
        Path fixtures = Path.of(System.getProperty("gctls.projectDir", ".")).resolve("fixtures/certs/chain");
        sandbox.putDomain("api.example.com", Files.readString(fixtures.resolve("leaf.pem")),
                Files.readString(fixtures.resolve("leaf.key")), Files.readString(fixtures.resolve("chain.pem")));
        assertThatThrownBy(() -> sandbox.revoke("api.example.com")).hasMessageContaining("was not issued by the"
                + " sandbox's CA, so the sandbox cannot revoke it (get one with: sandbox issue api.example.com)");
    }
}
