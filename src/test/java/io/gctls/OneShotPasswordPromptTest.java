package io.gctls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-shot run asks for an encrypted key's password (masked) when someone sits at a terminal,
 * and never when stdin is not a terminal. The terminal is a real pseudo-terminal, made by
 * util-linux's {@code script}.
 */
class OneShotPasswordPromptTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path home;

    private final Path rsa = Path.of(System.getProperty("gctls.projectDir", ".")).resolve("fixtures/certs/ok-rsa");

    private List<String> inspectEncryptedKey() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GctlsApplication.class.getName(), "cert", "inspect", "--cert", rsa.resolve("leaf.pem").toString(),
                "--key", rsa.resolve("leaf.enc-pkcs8.key").toString(), "--chain", rsa.resolve("chain.pem").toString(),
                "--trust", rsa.getParent().resolve("pki/root-ca.pem").toString());
    }

    private ProcessBuilder withHome(ProcessBuilder builder) {
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().remove("GCTLS_KEY_PASSWORD");
        return builder;
    }

    @Test
    void withoutATerminalNobodyIsAskedAndNothingBlocks() throws Exception {
        File out = home.resolve("out.txt").toFile();
        File err = home.resolve("err.txt").toFile();
        Process process = withHome(new ProcessBuilder(inspectEncryptedKey())).redirectOutput(out).redirectError(err)
                .start();
        // a password waiting on stdin must not be read: stdin is a pipe, not a person
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException finishedFirst) {
                // gctls may well have ended before the password was written: it never reads stdin here
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("gctls did not wait for input").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String output = Files.readString(out.toPath()) + Files.readString(err.toPath());
        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(output).contains("encrypted-key").contains("nobody can be asked").doesNotContain("Password for");
    }

    @Test
    void atATerminalTheKeyPasswordIsAskedMasked() throws Exception {
        Assumptions.assumeTrue(onPath("script"), "util-linux 'script' makes the pseudo-terminal");
        String command = "stty cols 200 rows 50; exec " + String.join(" ", inspectEncryptedKey().stream()
                .map(OneShotPasswordPromptTest::quoted).toList());
        Process process = withHome(new ProcessBuilder("script", "-qec", command, "/dev/null"))
                .redirectErrorStream(true).start();
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        Thread reader = copy(process.getInputStream(), transcript);
        try (OutputStream keyboard = process.getOutputStream()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> text(transcript).contains("Password for")
                    || !process.isAlive());
            keyboard.write((PASSWORD + "\r").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("gctls finished").isTrue();
        } finally {
            process.destroyForcibly();
        }
        reader.join(10_000);
        String shown = text(transcript);
        assertThat(shown).contains("Password for --key").contains("*".repeat(PASSWORD.length()))
                .doesNotContain(PASSWORD).doesNotContain("encrypted-key").doesNotContain("wrong-password")
                .contains("Verdict: ok");
        assertThat(process.exitValue()).as(shown).isZero();
    }

    private static String text(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static Thread copy(InputStream from, ByteArrayOutputStream to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = from.read(buffer)) > 0; ) {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                    }
                }
            } catch (IOException ended) {
                // the process is gone
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static boolean onPath(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        return dirs.stream().anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }
}
