package io.gctls.shell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.api.ApiRuntime;
import io.gctls.auth.ApiSession;
import io.gctls.auth.ConnectionResolver;
import io.gctls.auth.ProfileStore;
import io.gctls.core.Cancellation;
import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.core.Json;
import io.gctls.core.Metrics;
import io.gctls.core.Prompter;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxChanges;
import io.gctls.sandbox.SandboxOptions;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.CommandRunner;
import io.gctls.shell.Output;
import io.gctls.shell.OutputFormat;
import io.gctls.shell.ParsedCommand;
import io.gctls.shell.SandboxControl;
import io.gctls.shell.SessionSettings;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Done-when of issue 6, measured: a loopback API (the sandbox) holding 1,000 audit events over
 * many pages, and {@code gctls audit query --since 1d --output json} through the command layer on
 * the real Vert.x client, printing each event exactly once.
 */
class AuditQueryThousandEventsTest {

    private static final int EVENTS = 1_000;
    private static Sandbox sandbox;
    private static ApiRuntime runtime;
    private static AuditQueryCommand command;
    private static Set<String> recorded;

    @TempDir
    static Path home;

    @BeforeAll
    static void aSandboxWithAThousandEvents() {
        Clock clock = Clock.systemUTC();
        runtime = ApiRuntime.create(clock, "gctls-test");
        Environment environment = Environment.of(Map.of());
        ProfileStore profiles = new ProfileStore(home.resolve("config.toml"), home.resolve("state"), home);
        Metrics metrics = new Metrics();
        ApiSession session = new ApiSession(() -> runtime, new ConnectionResolver(environment, profiles),
                home.resolve("cache"), metrics);
        SandboxControl control = new SandboxControl(session, clock);
        sandbox = control.start(SandboxOptions.defaults(), Cancellation.never(), line -> { });
        SandboxChanges.createMany(sandbox, "thousand.example.com", EVENTS);
        recorded = new HashSet<>(sandbox.auditEvents().stream().map(io.gctls.sandbox.AuditEvent::id).toList());
        command = new AuditQueryCommand(new ApiAccess(session), environment, clock, metrics);
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
        runtime.close();
    }

    private record Run(ExitCode code, List<String> lines, String stderr, long millis, long pages) {
    }

    private static Run audit(Map<String, String> options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long before = realtimeRequests();
        long started = System.nanoTime();
        ExitCode code = CommandRunner.runParsed(command, new ParsedCommand(command, options, List.of()),
                new Output(out, err, OutputFormat.TEXT, false), Prompter.none(), Cancellation.create(),
                SessionSettings.defaults());
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Run(code, out.toString().lines().filter(l -> !l.isBlank()).toList(), err.toString(), millis,
                realtimeRequests() - before);
    }

    private static long realtimeRequests() {
        return sandbox.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/api/v2/audits/query/realtime")).count();
    }

    private static Set<String> ids(List<String> lines) {
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            assertThat(ids.add(Json.mapper().readTree(line).get("id").asString())).as("printed once: " + line).isTrue();
        }
        return ids;
    }

    @Test
    void theDoneWhenCommandPrintsEachOfTheThousandEventsOnce() {
        Run run = audit(Map.of("since", "1d", "output", "json"));
        assertThat(run.code()).as(run.stderr()).isEqualTo(ExitCode.OK);
        assertThat(run.lines()).hasSize(EVENTS);
        assertThat(ids(run.lines())).isEqualTo(recorded);
        assertThat(run.pages()).isEqualTo(10);
        System.out.printf("audit query --since 1d --output json: %d distinct events, %d pages of 100, %d ms%n",
                ids(run.lines()).size(), run.pages(), run.millis());
    }

    @Test
    void smallPagesJoinTheSameThousand() {
        Map<String, String> options = new LinkedHashMap<>(Map.of("since", "1d", "output", "json"));
        options.put("page-size", "7");
        options.put("max-pages", "200");
        Run run = audit(options);
        assertThat(run.code()).as(run.stderr()).isEqualTo(ExitCode.OK);
        assertThat(ids(run.lines())).isEqualTo(recorded);
        assertThat(run.pages()).isEqualTo(143);
        System.out.printf("audit query --page-size 7: %d distinct events, %d pages, %d ms%n", ids(run.lines()).size(),
                run.pages(), run.millis());
    }

    @Test
    void theAuditLogsShapeJoinsTheSameThousand() {
        Run run = audit(Map.of("since", "1d", "output", "json", "source", "auditlogs"));
        assertThat(run.code()).as(run.stderr()).isEqualTo(ExitCode.OK);
        assertThat(ids(run.lines())).isEqualTo(recorded);
    }

    @Test
    void theAsynchronousQueryJoinsTheSameThousand() {
        sandbox.auditQueryPolls(1);
        Run run = audit(Map.of("since", "1d", "output", "json", "source", "async"));
        assertThat(run.code()).as(run.stderr()).isEqualTo(ExitCode.OK);
        assertThat(ids(run.lines())).isEqualTo(recorded);
    }
}
