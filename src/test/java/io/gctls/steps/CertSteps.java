package io.gctls.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.gctls.cert.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Steps of certificate-inspection.feature: certificates minted relative to today, finding codes, secrets. */
public class CertSteps {

    private final World world;

    public CertSteps(World world) {
        this.world = world;
    }

    /** Writes leaf.pem, leaf.key and chain.pem under ${tmp}/DIR, anchored by fixtures/certs/pki/root-ca.pem. */
    @Given("a leaf for www.example.com that expires in {int} days, with its key and chain in {string}")
    public void aLeafThatExpiresIn(int days, String dir) {
        TestPki.write(TestPki.leafExpiringIn(Duration.ofDays(days).plusHours(1), Instant.now()),
                world.tmp().resolve(dir));
    }

    /** A password file as a careful user keeps it: only its owner can read it (gctls refuses others). */
    @Given("a private file {string} containing:")
    public void aPrivateFileContaining(String name, String content) throws IOException {
        Path file = world.tmp().resolve(world.expand(name));
        Files.createDirectories(file.getParent());
        Files.writeString(file, world.expand(content), java.nio.charset.StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Then("the finding codes are {string}")
    public void theFindingCodesAre(String expected) {
        List<String> codes = JsonPath.read(world.last().stdout(), "$.findings[*].code");
        TreeSet<String> wanted = expected.equals("none") ? new TreeSet<>()
                : new TreeSet<>(Arrays.asList(expected.split("\\s*,\\s*")));
        assertThat(new TreeSet<>(codes)).as(world.last().all()).isEqualTo(wanted);
    }

    @Then("the output shows nothing of the key {string} or the password {string}")
    public void theOutputShowsNothingOf(String keyFile, String password) throws IOException {
        String output = world.last().all();
        assertThat(output).doesNotContain(password).doesNotContain("****");
        for (String line : Files.readAllLines(Path.of(world.expand(keyFile)))) {
            if (!line.startsWith("-----") && line.length() >= 16 && !line.contains(":")) {
                assertThat(output).as("a line of " + keyFile).doesNotContain(line);
            }
        }
    }
}
