package io.gctls.shell.command;

import io.gctls.api.ApiClient;
import io.gctls.audit.AuditReader;
import io.gctls.audit.AuditResult;
import io.gctls.audit.AuditSettings;
import io.gctls.audit.AuditSource;
import io.gctls.auth.ApiSession;
import io.gctls.core.Environment;
import io.gctls.core.Metrics;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Tables;
import io.gctls.shell.Output;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code audit query}: every page of an audit window, each event once, as a table or JSON lines. */
public class AuditQueryCommand extends GctlsCommand {

    static final String SINCE_DEFAULT = "1h";

    private final ApiAccess access;
    private final Environment environment;
    private final Clock clock;
    private final Metrics metrics;

    public AuditQueryCommand(ApiAccess access, Environment environment, Clock clock, Metrics metrics) {
        super("audit query", "Audit", "Read the audit log for a window: all pages, each event once (--output json: "
                        + "one JSON object per event per line)",
                List.of("audit query", "audit query --since 1d --domain-id 6f1c... --action Update",
                        "audit query --since 2026-04-01 --until 2026-04-20 --source async",
                        "audit query --since 1d --output json | jq -r .id",
                        "audit query --source auditlogs --page-size 50"),
                options());
        this.access = access;
        this.environment = environment;
        this.clock = clock;
        this.metrics = metrics;
    }

    private static OptionSpec[] options() {
        List<OptionSpec> options = new ArrayList<>(AuditOptions.filters(SINCE_DEFAULT, AuditSettings.SOURCES));
        options.add(1, OptionSpec.value("until", "WHEN", "end of the window, like --since (default now)"));
        return options.toArray(OptionSpec[]::new);
    }

    @Override
    public Outcome run(Invocation invocation) {
        AuditSettings settings = AuditSettings.from(environment);
        Instant now = clock.instant();
        Instant until = invocation.string("until").map(u -> AuditOptions.point(invocation, "until", u, now))
                .orElse(now);
        AuditOptions.Request request = AuditOptions.parse(invocation, settings, now, SINCE_DEFAULT, until);
        ApiSession.Connected connected = access.connected(invocation);
        ApiClient client = connected.client();
        AuditSource source = AuditSource.named(request.source(), client, connected.connection().paths().auditLogs());
        AuditReader reader = new AuditReader(source, client.executor().clock());
        AuditResult result;
        try (Metrics.Timer timer = metrics.start("audit query")) {
            result = reader.read(request.query(), invocation.cancellation(), invocation.out()::note);
        }
        if (invocation.out().json()) {
            // SPEC §3: streams are JSON lines; a query is one too, so that 10,000 events pipe into jq.
            result.events().forEach(event -> invocation.out().jsonLine(AuditOptions.json(event)));
            return Outcome.done();
        }
        return Outcome.of(result, AuditQueryCommand::render);
    }

    static void render(AuditResult result, Output out) {
        String pages = result.pages() + " page" + (result.pages() == 1 ? "" : "s");
        if (result.events().isEmpty()) {
            out.println("no audit events in " + result.interval() + " (" + result.source() + ", " + pages + ")");
            return;
        }
        Object[][] rows = new Object[result.events().size() + 1][];
        rows[0] = new Object[] {"time", "action", "entity", "status", "user/client"};
        for (int i = 0; i < result.events().size(); i++) {
            rows[i + 1] = AuditOptions.row(result.events().get(i)).toArray();
        }
        out.println(Tables.render(rows));
        int count = result.events().size();
        out.println(count + " event" + (count == 1 ? "" : "s") + " in " + result.interval() + " (" + result.source()
                + ", " + pages + ")");
    }
}
