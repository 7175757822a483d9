package io.gctls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gctls.sandbox.FaultSpec;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) in a one-shot run cancels the command, as it does at the prompt: a create that
 * may have reached the server is reported as such, with the command to check, and the exit code is
 * 130. The process is real, so the signal is too.
 */
class OneShotInterruptTest {

    @TempDir
    Path home;

    private Sandbox sandbox;

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    @Test
    void ctrlCDuringACreateSaysItMayHaveReachedTheServerAndExits130() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        // the sandbox stores the domain, then holds the answer back: the create is in flight
        sandbox.addFault(FaultSpec.delay(60_000).method("POST").path("/api/v2/customdomains"));
        Path chain = Path.of(System.getProperty("gctls.projectDir", ".")).resolve("fixtures/certs/chain");

        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GctlsApplication.class.getName(),
                "deploy", "--domain", "www.example.com", "--cert", chain.resolve("leaf.pem").toString(),
                "--key", chain.resolve("leaf.key").toString(), "--chain", chain.resolve("chain.pem").toString(),
                "--trust", chain.resolve("root.pem").toString()));
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("GENESYS_ENV_URL", sandbox.baseUrl());
        builder.environment().put("GENESYSCLOUD_OAUTHCLIENT_ID", sandbox.clientId());
        builder.environment().put("GENESYSCLOUD_OAUTHCLIENT_SECRET", sandbox.clientSecret());
        File out = home.resolve("out.txt").toFile();
        File err = home.resolve("err.txt").toFile();
        Process process = builder.redirectOutput(out).redirectError(err).start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> sandbox.domain("www.example.com").isPresent() || !process.isAlive());
            assertThat(process.isAlive()).as("gctls is waiting for the create's answer").isTrue();

            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("gctls ended after Ctrl-C").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String stderr = Files.readString(err.toPath());
        assertThat(process.exitValue()).as(stderr).isEqualTo(130);
        assertThat(stderr).contains("the create may have reached the server")
                .contains("check with 'domains list --domain www.example.com'")
                .doesNotContain("checking whether");
        assertThat(Files.readString(out.toPath())).isEmpty();
        assertThat(sandbox.domains()).hasSize(1);
    }
}
