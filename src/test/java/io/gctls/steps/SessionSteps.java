package io.gctls.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.cucumber.java.Before;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.gctls.api.ApiRequest;
import io.gctls.api.ApiResponse;
import io.gctls.auth.ApiSession;
import io.gctls.auth.ConnectionRequest;
import io.gctls.auth.WhoAmI;
import io.gctls.core.Cancellation;
import io.gctls.core.Prompter;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import io.gctls.api.ApiRuntime;
import io.gctls.core.Durations;
import io.gctls.core.Json;
import io.gctls.core.XdgDirs;
import io.gctls.sandbox.Sandbox;
import io.gctls.testing.RecordingWaiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Steps about the session: pointing gctls at the API through the environment, the waits the
 * retry rules asked for (recorded, never slept), and that no secret or token reached any output.
 */
public class SessionSteps {

    private final World world;
    private final TestEnvironment environment;
    private final RecordingWaiter waiter;
    private final ApiRuntime runtime;
    private final XdgDirs dirs;
    private final ApiSession session;
    private final io.gctls.shell.GctlsShell shell;

    public SessionSteps(World world, TestEnvironment environment, RecordingWaiter waiter, ApiRuntime runtime,
            XdgDirs dirs, ApiSession session, io.gctls.shell.GctlsShell shell) {
        this.world = world;
        this.environment = environment;
        this.waiter = waiter;
        this.runtime = runtime;
        this.dirs = dirs;
        this.session = session;
        this.shell = shell;
    }

    @Before(order = 2)
    public void startWithNoTokensNoWaitsAndClosedCircuits() throws IOException {
        waiter.clear();
        runtime.circuits().resetAll();
        deleteTree(dirs.cache());
        deleteTree(dirs.state());
        deleteTree(dirs.config());
    }

    @Given("the config file contains:")
    public void theConfigFileContains(String toml) throws IOException {
        Files.createDirectories(dirs.config());
        Files.writeString(dirs.configFile(), world.expand(toml), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(dirs.configFile(), java.nio.file.attribute.PosixFilePermissions.fromString(
                "rw-------"));
    }

    @Given("a secret file {string} containing {string} readable only by its owner")
    public void aSecretFile(String name, String content) throws IOException {
        Path file = world.tmp().resolve(name);
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Given("the environment points at the sandbox")
    public void theEnvironmentPointsAtTheSandbox() {
        theEnvironmentPointsAtTheSandboxWithTheSecret(Sandbox.CLIENT_SECRET);
    }

    @Given("the environment points at the sandbox with the secret {string}")
    public void theEnvironmentPointsAtTheSandboxWithTheSecret(String secret) {
        environment.set("GENESYS_ENV_URL", ApiStub.baseUrl());
        environment.set("GENESYS_API_KEY", Sandbox.CLIENT_ID);
        environment.set("GENESYS_API_SECRET", secret);
    }

    /** Several commands of one session needing a token at the same moment (a fresh session: none yet). */
    @When("{int} callers use a new session at the same moment")
    public void callersUseANewSessionAtOnce(int callers) throws Exception {
        session.reset();
        ApiSession.Connected connected = session.current(ConnectionRequest.none(), Prompter.none(), false);
        List<Future<ApiResponse>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            calls.add(connected.client().send(ApiRequest.get(WhoAmI.PATH), Cancellation.never(), line -> { }));
        }
        for (Future<ApiResponse> call : calls) {
            assertThat(call.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    /** Ctrl-C at the prompt, at the moment gctls is waiting at least this long (a Retry-After, a poll). */
    @Given("Ctrl-C is pressed during the first wait of {int} seconds or more")
    public void ctrlCIsPressedDuringAWait(int seconds) {
        java.util.concurrent.atomic.AtomicBoolean pressed = new java.util.concurrent.atomic.AtomicBoolean();
        waiter.onEachWait(wait -> {
            if (wait.toSeconds() >= seconds && pressed.compareAndSet(false, true)) {
                shell.cancelCurrent();
            }
        });
    }

    @Then("gctls waited {string}")
    public void gctlsWaited(String waits) {
        List<Duration> expected = Arrays.stream(waits.split(",")).map(String::strip).map(Durations::parse).toList();
        assertThat(waiter.waits()).as("waits asked for by the retry rules").isEqualTo(expected);
    }

    @Then("gctls did not wait")
    public void gctlsDidNotWait() {
        assertThat(waiter.waits()).as("waits asked for by the retry rules").isEmpty();
    }

    @Then("gctls waited {int} time(s)")
    public void gctlsWaitedTimes(int times) {
        assertThat(waiter.waits()).as("waits asked for by the retry rules").hasSize(times);
    }

    @Then("no output contains {string}")
    public void noOutputContains(String secret) throws IOException {
        String value = world.expand(secret);
        assertThat(world.last().all()).as("output").doesNotContain(value);
        assertThat(historyText()).as("history file").doesNotContain(value);
    }

    @Then("no output contains a token the sandbox issued")
    public void noOutputContainsAnIssuedToken() throws IOException {
        List<String> tokens = issuedTokens();
        assertThat(tokens).as("tokens issued in this scenario").isNotEmpty();
        for (String token : tokens) {
            assertThat(world.last().all()).as("output").doesNotContain(token);
            assertThat(historyText()).as("history file").doesNotContain(token);
            assertThat(cacheTextOtherThanTokenFiles()).doesNotContain(token);
        }
    }

    @Then("the history file contains {string}")
    public void theHistoryFileContains(String text) throws IOException {
        assertThat(historyText()).as("history file " + dirs.historyFile()).contains(world.expand(text));
    }

    @Then("the history file does not contain {string}")
    public void theHistoryFileDoesNotContain(String text) throws IOException {
        assertThat(historyText()).as("history file " + dirs.historyFile()).doesNotContain(world.expand(text));
    }

    @Then("the token cache holds {int} token(s)")
    public void theTokenCacheHolds(int count) throws IOException {
        Path folder = dirs.cache().resolve("tokens");
        long files = Files.isDirectory(folder) ? Files.list(folder).filter(p -> p.toString().endsWith(".json")).count()
                : 0;
        assertThat(files).as("token cache files in " + folder).isEqualTo(count);
    }

    /** Every access_token the sandbox handed out in this scenario, read back from its journal. */
    private static List<String> issuedTokens() {
        List<String> tokens = new ArrayList<>();
        for (ServeEvent event : ApiStub.server().getAllServeEvents()) {
            if (event.getRequest().getUrl().startsWith("/oauth/token") && event.getResponse().getStatus() == 200) {
                JsonNode body = Json.mapper().readTree(event.getResponse().getBodyAsString());
                tokens.add(body.path("access_token").asString());
            }
        }
        return tokens;
    }

    private String historyText() throws IOException {
        Path history = dirs.historyFile();
        return Files.exists(history) ? Files.readString(history, StandardCharsets.UTF_8) : "";
    }

    private String cacheTextOtherThanTokenFiles() throws IOException {
        if (!Files.isDirectory(dirs.cache())) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dirs.cache())) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.getParent().endsWith("tokens")).toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
