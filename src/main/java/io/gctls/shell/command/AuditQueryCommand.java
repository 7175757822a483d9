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
import io.gctls.shell.ConnectionOptions;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code audit query}: every page of an audit window, each event once, as a table or JSON lines. */
public class AuditQueryCommand extends GctlsCommand {

    static final Opt<String> SINCE = AuditOptions.since("1h");
    static final Opt<String> UNTIL = AuditOptions.when("until", "end of the window, like --since (default now)");
    static final Opt<String> SOURCE = AuditOptions.source(AuditSettings.SOURCES);

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
        List<OptionSpec> options = new ArrayList<>(AuditOptions.filters(SINCE, SOURCE));
        options.add(1, UNTIL);
        return ConnectionOptions.with(options.toArray(OptionSpec[]::new));
    }

    @Override
    public Outcome run(Invocation invocation) {
        AuditSettings settings = AuditSettings.from(environment);
        Instant now = clock.instant();
        Instant until = invocation.optional(UNTIL).map(u -> AuditOptions.point(u, "until", now)).orElse(now);
        AuditOptions.Request request = AuditOptions.parse(invocation, settings, now, SINCE, SOURCE, until);
        ApiSession.Connected connected = access.connected(invocation);
        ApiClient client = connected.client();
        AuditSource source = AuditSource.named(request.source(), client, connected.connection().paths().auditLogs());
        AuditReader reader = new AuditReader(source, client.executor().clock());
        AuditResult result;
        try (Metrics.Timer timer = metrics.start("audit query")) {
            result = reader.read(request.query(), invocation.cancellation(), invocation.progress());
        }
        if (invocation.out().json()) {
            // docs/commands.md "Conventions": streams are JSON lines; a query is one too, so that 10,000 events pipe into jq.
            result.events().forEach(event -> invocation.out().jsonLine(AuditOptions.json(event)));
        } else if (result.stopped().isPresent()) {
            render(result, invocation.out());
        }
        if (result.failure().isPresent()) {
            throw result.failure().get(); // after the events read: one line saying where and why it stopped, exit 6
        }
        return invocation.out().json() ? Outcome.done() : Outcome.of(result, AuditQueryCommand::render);
    }

    static void render(AuditResult result, Output out) {
        String pages = Views.plural(result.pages(), "page");
        if (result.events().isEmpty()) {
            out.println("no audit events in " + result.interval() + " (" + result.source() + ", " + pages + ")"
                    + (result.stopped().isPresent() ? ", stopped early" : ""));
            return;
        }
        Object[][] rows = new Object[result.events().size() + 1][];
        rows[0] = new Object[] {"time", "action", "entity", "status", "user/client"};
        for (int i = 0; i < result.events().size(); i++) {
            rows[i + 1] = AuditOptions.row(result.events().get(i)).toArray();
        }
        Views.table(out, rows);
        out.println(Views.plural(result.events().size(), "event") + " in " + result.interval() + " (" + result.source()
                + ", " + pages + (result.pages() > 1 && result.pageSize() > 0 ? " of " + result.pageSize() : "") + ")"
                + (result.stopped().isPresent() ? ", stopped early" : ""));
    }
}
