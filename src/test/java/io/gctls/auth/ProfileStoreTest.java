package io.gctls.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path dir;

    private ProfileStore store(String toml) throws IOException {
        Files.writeString(dir.resolve("config.toml"), toml);
        return new ProfileStore(dir.resolve("config.toml"), dir.resolve("state"), dir.resolve("home"));
    }

    @Test
    void readsOneTablePerProfile() throws IOException {
        ProfileStore store = store("""
                default-profile = "prod"

                [prod]
                region = "eu-west-1"
                client-id = "abc"
                client-secret-file = "~/prod.secret"
                output = "json"

                [staging]
                api-url = "https://api.staging.example"
                token-cache = false
                """);
        assertThat(store.list()).extracting(Profile::name).containsExactly("prod", "staging");
        Profile prod = store.require("prod");
        assertThat(prod.region()).contains("eu-west-1");
        assertThat(prod.clientSecretFile()).contains(dir.resolve("home/prod.secret"));
        assertThat(prod.output()).contains("json");
        assertThat(store.require("staging").tokenCache()).contains(false);
        assertThat(store.defaultName()).contains("prod");
    }

    @Test
    void profileUseIsRememberedAndBeatsTheDeclaredDefault() throws IOException {
        ProfileStore store = store("default-profile = \"prod\"\n[prod]\nregion = \"eu-west-1\"\n[dev]\nregion = \"us-east-1\"\n");
        store.use("dev");
        assertThat(store.defaultName()).contains("dev");
        assertThat(new ProfileStore(dir.resolve("config.toml"), dir.resolve("state"), dir).defaultName()).contains("dev");
    }

    @Test
    void anUnknownProfileListsTheKnownOnes() throws IOException {
        ProfileStore store = store("[prod]\nregion = \"eu-west-1\"\n");
        assertThatThrownBy(() -> store.use("prdo")).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains("no profile 'prdo'").contains("profiles: prod");
        });
    }

    @Test
    void brokenTomlIsOneLineWithTheFileAndLine() throws IOException {
        ProfileStore store = store("[prod]\nregion = \"eu-west-1\nclient-id = 1\n");
        assertThatThrownBy(store::list).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT);
            assertThat(e.getMessage()).contains("config.toml is not valid TOML").doesNotContain("\n");
        });
    }

    @Test
    void noFileMeansNoProfiles() {
        ProfileStore store = new ProfileStore(dir.resolve("missing.toml"), dir.resolve("state"), dir);
        assertThat(store.list()).isEmpty();
        assertThat(store.defaultName()).isEmpty();
    }
}
