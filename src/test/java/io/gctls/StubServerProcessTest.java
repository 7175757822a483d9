package io.gctls;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * gctls as real processes against a stub API on loopback. A server that echoes what it was sent,
 * with and without {@code --debug} (whose log lines go through the log converters, not the output
 * writers): no client secret, Basic value, token or private-key line in stdout or stderr (every cut
 * length is tried in-process by api.EchoedSecretsTest; this checks the paths out of the process).
 * Cold one-shot runs started together share one login through the token cache's lock, and the
 * cache and state folders are the user's alone.
 */
class StubServerProcessTest {

    private static final String CLIENT_ID = "client-echo";
    private static final String SECRET = "s3cr3t-Echo-Value-9x";
    private static final String TOKEN = "tok-5f0c9a1e2b7d4c3a8e6f1029384756ab";

    @TempDir
    Path home;
    private HttpServer server;
    private final ScheduledExecutorService slowLogins = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean loginEchoes;
    private final java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth/token", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (loginEchoes) {
                answer(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"client rejected: "
                        + "Authorization: " + authorization + " (cut here: " + authorization.substring(0, 30) + ")\"}");
            } else {
                logins.incrementAndGet();
                // a login takes a moment, so runs started together overlap: answered later, the server's
                // thread stays free for the other runs' requests meanwhile
                slowLogins.schedule(() -> {
                    answer(exchange, 200,
                            "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":86400}");
                    return null;
                }, 300, TimeUnit.MILLISECONDS);
            }
        });
        server.createContext("/api/v2/customdomains", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 200, "{\"entities\":[],\"pageNumber\":1,\"pageSize\":100,\"total\":0,\"pageCount\":0}");
                return;
            }
            // the request body echoed back, JSON inside the message, cut in the middle of the key by the server
            String echoed = new String(body, StandardCharsets.UTF_8);
            int cut = echoed.indexOf("BEGIN PRIVATE KEY") + 70;
            String message = ("could not read " + echoed.substring(0, cut) + " Bearer " + TOKEN).replace("\\", "\\\\")
                    .replace("\"", "\\\"").replace("\n", "\\n");
            answer(exchange, 400, "{\"message\":\"" + message + "\",\"code\":\"bad.request\",\"status\":400}");
        });
        server.createContext("/api/v2/tokens/me", exchange -> answer(exchange, 200,
                "{\"organization\":{\"id\":\"o1\",\"name\":\"Stub\"},\"OAuthClient\":{\"id\":\"" + CLIENT_ID + "\"}}"));
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    @AfterEach
    void stop() {
        slowLogins.shutdownNow();
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private record Run(int exitCode, String output) {
    }

    private Run gctls(String... args) throws IOException, InterruptedException {
        Process process = start("", args);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("gctls finished").isTrue();
        return new Run(process.exitValue(), Files.readString(home.resolve("out-" + process.pid() + ".txt")));
    }

    private Process start(String stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), GctlsApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> env = builder.environment();
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("GENESYS_ENV_URL", url);
        env.put("GENESYS_LOGIN_URL", url);
        env.put("GENESYSCLOUD_OAUTHCLIENT_ID", CLIENT_ID);
        env.put("GENESYSCLOUD_OAUTHCLIENT_SECRET", SECRET);
        File out = home.resolve("out-pending-" + System.nanoTime() + ".txt").toFile();
        builder.redirectOutput(out).redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        Files.move(out.toPath(), home.resolve("out-" + process.pid() + ".txt"));
        return process;
    }

    private static void assertNothingSecret(String output, List<String> secrets) {
        for (String secret : secrets) {
            for (int i = 0; i + 8 <= secret.length(); i++) {
                assertThat(output).as("a piece of a secret in:\n" + output).doesNotContain(secret.substring(i, i + 8));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLoginServiceEchoingTheBasicValuePrintsNoneOfIt(boolean debug) throws Exception {
        loginEchoes = true;
        Run run = debug ? gctls("auth", "login", "--debug") : gctls("auth", "login");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(4);
        assertThat(run.output()).contains("invalid_client").contains("Authorization: Basic ****");
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertNothingSecret(run.output(), List.of(SECRET, basic.substring(16)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anApiEchoingTheRequestBodyPrintsNoKeyAndNoToken(boolean debug) throws Exception {
        Path fixtures = Path.of("fixtures/certs");
        List<String> args = new ArrayList<>(List.of("deploy", "--domain", "www.example.com",
                "--cert", fixtures.resolve("chain/leaf.pem").toString(), "--key", fixtures.resolve("chain/leaf.key").toString(),
                "--chain", fixtures.resolve("chain/chain.pem").toString(), "--trust",
                fixtures.resolve("pki/root-ca.pem").toString()));
        if (debug) {
            args.add("--debug");
        }
        Run run = gctls(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(5);
        assertThat(run.output()).contains("400 bad.request").contains("[PEM PRIVATE KEY removed]");
        List<String> secrets = new ArrayList<>(List.of(SECRET, TOKEN));
        Files.readAllLines(fixtures.resolve("chain/leaf.key")).stream().filter(l -> !l.startsWith("-----"))
                .forEach(secrets::add);
        assertNothingSecret(run.output(), secrets);
    }

    @org.junit.jupiter.api.Test
    void coldOneShotRunsStartedTogetherShareOneLoginAndTheFoldersArePrivate() throws Exception {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(start("", "auth", "status"));
        }
        for (Process run : runs) {
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(Files.readString(home.resolve("out-" + run.pid() + ".txt"))).isZero();
        }
        assertThat(logins.get()).isEqualTo(1);
        assertThat(mode(home.resolve("cache/gctls"))).isEqualTo("rwx------");
        assertThat(mode(home.resolve("cache/gctls/tokens"))).isEqualTo("rwx------");

        Process prompt = start("exit\n");
        assertThat(prompt.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mode(home.resolve("state/gctls"))).isEqualTo("rwx------");
    }

    private static String mode(Path path) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
