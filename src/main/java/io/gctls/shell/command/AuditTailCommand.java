package io.gctls.shell.command;

import io.gctls.api.ApiClient;
import io.gctls.api.Waits;
import io.gctls.audit.AuditEvent;
import io.gctls.audit.AuditReader;
import io.gctls.audit.AuditSettings;
import io.gctls.audit.AuditSource;
import io.gctls.auth.ApiSession;
import io.gctls.audit.AuditTail;
import io.gctls.audit.AuditTimes;
import io.gctls.core.Environment;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code audit tail}: the recent events, then with {@code --follow} each new one as it arrives, once.
 * Ctrl-C stops a follow with exit 130 (SPEC §3 "interrupted"; a command file stops there too);
 * {@code --for} stops it with exit 0.
 */
public class AuditTailCommand extends GctlsCommand {

    static final String SINCE_DEFAULT = "10m";
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);

    private final ApiAccess access;
    private final Environment environment;
    private final Clock clock;

    public AuditTailCommand(ApiAccess access, Environment environment, Clock clock) {
        super("audit tail", "Audit", "Print recent audit events; --follow prints each new one once as it arrives "
                        + "(Ctrl-C stops: exit 130; --for stops: exit 0)",
                List.of("audit tail", "audit tail --follow", "audit tail --follow --domain-id 6f1c... --for 5m",
                        "audit tail --follow --interval 10s --output json"),
                options());
        this.access = access;
        this.environment = environment;
        this.clock = clock;
    }

    private static OptionSpec[] options() {
        List<OptionSpec> options = new ArrayList<>();
        options.add(OptionSpec.flag("follow", "keep polling and print new events as they arrive").shortName('f'));
        options.add(OptionSpec.value("interval", "DURATION", "pause between polls").defaultValue("5s"));
        options.add(OptionSpec.value("for", "DURATION", "follow this long, then exit 0 (implies --follow)"));
        options.addAll(AuditOptions.filters(SINCE_DEFAULT, List.of("realtime", "auditlogs")));
        return options.toArray(OptionSpec[]::new);
    }

    @Override
    public Outcome run(Invocation invocation) {
        AuditSettings settings = AuditSettings.from(environment);
        Duration interval = AuditOptions.positive(invocation, "interval", DEFAULT_INTERVAL, SHORTEST_INTERVAL);
        Optional<Duration> runFor = invocation.has("for")
                ? Optional.of(AuditOptions.positive(invocation, "for", Duration.ZERO, Duration.ofSeconds(1)))
                : Optional.empty();
        boolean follow = invocation.flag("follow") || runFor.isPresent();
        Instant now = clock.instant();
        AuditOptions.Request request = AuditOptions.parse(invocation, settings, now, SINCE_DEFAULT, now);
        ApiSession.Connected connected = access.connected(invocation);
        ApiClient client = connected.client();
        AuditSource source = AuditSource.named(request.source(), client, connected.connection().paths().auditLogs());
        AuditTail tail = new AuditTail(new AuditReader(source,
                client.executor().clock()), client);
        Output out = invocation.out();
        Consumer<AuditEvent> sink = out.json() ? event -> out.jsonLine(AuditOptions.json(event))
                : event -> out.println(AuditOptions.line(event));
        if (follow) {
            out.note("following the audit log (" + request.query().filter().serviceName() + ", every "
                    + Waits.format(interval) + runFor.map(d -> ", for " + Waits.format(d)).orElse(", Ctrl-C stops")
                    + ")");
        }
        AuditTail.Summary summary = tail.run(request.query(), follow, interval, runFor, invocation.cancellation(), sink,
                out::note);
        if (follow) {
            out.note("stopped after " + Waits.format(summary.followed()) + ": " + summary.events() + " event"
                    + (summary.events() == 1 ? "" : "s") + " in " + summary.polls() + " polls"
                    + (summary.failedPolls() == 0 ? "" : ", " + summary.failedPolls() + " failed"));
        } else if (summary.events() == 0 && !out.json()) {
            out.println("no audit events since " + AuditTimes.format(request.query().start()));
        }
        return Outcome.done();
    }
}
