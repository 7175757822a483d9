package io.gctls.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.Before;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Placeholders for the certificate files deploy scenarios hand over, so that scenarios read as
 * the command lines engineers type: {@code ${good}} is a healthy leaf, key, chain and trust root
 * for www.example.com; {@code ${expired}} an expired one; {@code ${mismatched}} a leaf with the
 * wrong key; {@code ${reversed}} a chain in the wrong order (a warning).
 */
public class DeploySteps {

    private final World world;

    public DeploySteps(World world) {
        this.world = world;
    }

    @Before(order = 3)
    public void definePlaceholders() {
        Path f = World.fixtures();
        String trust = " --trust " + f.resolve("pki/root-ca.pem");
        world.define("good", "--cert " + f.resolve("chain/leaf.pem") + " --key " + f.resolve("chain/leaf.key")
                + " --chain " + f.resolve("chain/chain.pem") + trust);
        world.define("reversed", "--cert " + f.resolve("chain/leaf.pem") + " --key " + f.resolve("chain/leaf.key")
                + " --chain " + f.resolve("chain-out-of-order/chain.pem") + trust);
        world.define("expired", "--cert " + f.resolve("expired/leaf.pem") + " --key " + f.resolve("expired/leaf.key")
                + " --chain " + f.resolve("expired/chain.pem") + trust);
        world.define("mismatched", "--cert " + f.resolve("chain/leaf.pem") + " --key "
                + f.resolve("key-mismatch/other-rsa.key") + " --chain " + f.resolve("chain/chain.pem") + trust);
        world.define("leafkey", f.resolve("chain/leaf.key").toString());
    }

    @Then("the file {string} is readable only by its owner")
    public void theFileIsReadableOnlyByItsOwner(String file) throws IOException {
        Path path = Path.of(world.expand(file));
        assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Then("the file {string} contains {string}")
    public void theFileContains(String file, String text) throws IOException {
        assertThat(Files.readString(Path.of(world.expand(file)))).contains(world.expand(text));
    }

    @Then("the file {string} does not exist")
    public void theFileDoesNotExist(String file) {
        assertThat(Path.of(world.expand(file))).doesNotExist();
    }
}
