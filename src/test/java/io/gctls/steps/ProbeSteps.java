package io.gctls.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.cucumber.java.Before;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Steps of probe.feature. Placeholders: {@code ${sandboxTlsPort}} (the TLS port of the suite's
 * sandbox, which serves what "the sandbox already holds"), {@code ${sandboxHttpPort}} (its plain
 * HTTP port: not TLS), {@code ${closedPort}} (a loopback port nobody listens on).
 */
public class ProbeSteps {

    private final World world;

    public ProbeSteps(World world) {
        this.world = world;
    }

    @Before(order = 3)
    public void definePorts() throws IOException {
        world.define("sandboxTlsPort", String.valueOf(ApiStub.sandbox().tlsPort()));
        world.define("sandboxHttpPort", String.valueOf(ApiStub.sandbox().port()));
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            world.define("closedPort", String.valueOf(socket.getLocalPort())); // released when this closes
        }
    }

    @Then("the output contains the SHA-256 of {string}")
    public void theOutputContainsTheSha256Of(String certificate) throws Exception {
        assertThat(world.last().all()).as(world.last().all()).contains(sha256(certificate));
    }

    @Then("the JSON at {string} is the SHA-256 of {string}")
    public void theJsonAtIsTheSha256Of(String path, String certificate) throws Exception {
        Object value = JsonPath.read(world.last().stdout(), path);
        assertThat(String.valueOf(value)).as(world.last().all()).isEqualTo(sha256(certificate));
    }

    @Then("no output contains the private key in {string}")
    public void noOutputContainsThePrivateKeyIn(String keyFile) throws IOException {
        for (String line : Files.readAllLines(Path.of(world.expand(keyFile)))) {
            if (!line.startsWith("-----") && line.length() >= 16) {
                assertThat(world.last().all()).as("a line of " + keyFile).doesNotContain(line);
            }
        }
    }

    /** As cert inspect and probe show it: colon-separated upper-case hex. */
    private String sha256(String certificate) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(world.expand(certificate)))) {
            X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            String hex = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(parsed.getEncoded()));
            return hex.toUpperCase(Locale.ROOT);
        }
    }
}
