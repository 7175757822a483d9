package io.gctls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gctls as a real process, the way CI runs it: the exit code reaches the OS, stdout carries
 * only results (no JLine dumb-terminal warning, no banner), and a piped prompt session works.
 */
class GctlsProcessTest {

    record Run(int exitCode, String stdout, String stderr) {
    }

    @TempDir
    Path home;

    private Run gctls(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GctlsApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        File out = home.resolve("out.txt").toFile();
        File err = home.resolve("err.txt").toFile();
        builder.redirectOutput(out).redirectError(err);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("gctls finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    @Test
    void aHomeGivenInTheEnvironmentIsTheOneUsed() throws Exception {
        // Java's user.home comes from the password database; HOME=$(mktemp -d) gctls ... must not touch the real home
        Path fresh = Files.createDirectories(home.resolve("fresh-home"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GctlsApplication.class.getName(), "domains", "list");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("XDG_") || name.startsWith("GENESYS"));
        builder.environment().put("HOME", fresh.toString());
        File err = home.resolve("err.txt").toFile();
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("gctls finished").isTrue();

        assertThat(process.exitValue()).isEqualTo(4);
        assertThat(Files.readString(err.toPath())).contains(fresh.resolve(".config/gctls/config.toml").toString());
    }

    @Test
    void oneShotExitCodesReachTheOperatingSystem() throws Exception {
        Run ok = gctls("", "version", "--output", "json");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.stdout().strip()).startsWith("{").endsWith("}");
        assertThat(ok.stderr()).isEmpty();

        Run usage = gctls("", "no-such-command");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.stdout()).isEmpty();
        assertThat(usage.stderr().strip()).isEqualTo("error: unknown command 'no-such-command' (try: help)");
    }

    @Test
    void helpAndVersionFlagsAnswerWithExitZero() throws Exception {
        for (String flag : List.of("--help", "-h")) {
            Run help = gctls("", flag);
            assertThat(help.exitCode()).as(flag).isZero();
            assertThat(help.stdout()).as(flag).startsWith("usage: gctls").contains("@FILE").contains("cert inspect")
                    .contains("deploy");
            assertThat(help.stderr()).as(flag).isEmpty();
        }
        for (String flag : List.of("--version", "-V")) {
            Run version = gctls("", flag);
            assertThat(version.exitCode()).as(flag).isZero();
            assertThat(version.stdout()).as(flag).startsWith("gctls ").contains("Java");
            assertThat(version.stderr()).as(flag).isEmpty();
        }
    }

    @Test
    void aCommandFileStopsAtTheFirstFailureWithItsCode() throws Exception {
        Path script = home.resolve("run.gctls");
        Files.writeString(script, "# comment\nversion\nhelp --bogus\nversion\n");
        Run run = gctls("", "@" + script);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown option --bogus").contains("stopped at run.gctls line 3 (exit 2)");
    }

    @Test
    void aPipedPromptSessionPrintsNoTerminalWarnings() throws Exception {
        Run run = gctls("version\nexit\n");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("gctls ").doesNotContainIgnoringCase("dumb terminal")
                .doesNotContain("WARNING");
        assertThat(run.stderr()).doesNotContainIgnoringCase("dumb terminal");
    }

    @Test
    void debugOnOneCommandLogsEachRequestWithItsCorrelationIdAndNothingSecret() throws Exception {
        Run quiet = gctls("", "--sandbox", "auth", "status");
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.stderr()).doesNotContain("RequestExecutor");

        Run debug = gctls("", "--sandbox", "auth", "status", "--debug");
        assertThat(debug.exitCode()).isZero();
        assertThat(debug.stderr()).containsPattern("RequestExecutor - #1 GET /api/v2/tokens/me -> 200 in \\d+ ms "
                + "\\(inin-correlation-id [0-9a-f-]{36}\\)");
        assertThat(debug.stdout() + debug.stderr()).doesNotContain("gctls-sandbox-secret\"")
                .doesNotContainPattern("Bearer [A-Za-z0-9._-]{8,}");
    }

    @Test
    void aOneShotInspectWritesItsJsonWithoutStartingDataBinding() throws Exception {
        // data binding's first document costs ~100 ms of a one-shot run (see JsonWritable); the report streams instead
        Path initLog = home.resolve("class-init.log");
        Path chain = Path.of("fixtures/certs/chain").toAbsolutePath();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xlog:class+init=info:file=" + initLog, "-cp",
                System.getProperty("java.class.path"), GctlsApplication.class.getName(), "cert", "inspect",
                "--cert", chain.resolve("leaf.pem").toString(), "--chain", chain.resolve("chain.pem").toString(),
                "--trust", chain.resolve("root.pem").toString(), "--domain", "www.example.com", "--offline",
                "--output", "json");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        File out = home.resolve("out.txt").toFile();
        builder.redirectOutput(out).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("gctls finished").isTrue();

        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(out.toPath())).startsWith("{\n  \"verdict\" : \"ok\",")
                .contains("\"subject\" : \"CN=www.example.com,O=Example\"");
        List<String> initialised = Files.readAllLines(initLog);
        assertThat(initialised).as("the class initialisation log").anyMatch(line -> line.contains("io/gctls/cert"));
        assertThat(initialised).filteredOn(line -> line.contains("tools/jackson/databind")).isEmpty();
    }
}
