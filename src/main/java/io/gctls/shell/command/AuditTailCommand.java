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
import io.gctls.core.GctlsException;
import io.gctls.core.ExitCode;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Opt;
import io.gctls.shell.ConnectionOptions;
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
 * A follow ends with Ctrl-C or after {@code --for}; both are success (exit 0). Ctrl-C before the
 * first read finished is an interruption like any other (exit 130).
 */
public class AuditTailCommand extends GctlsCommand {

    static final Opt<Boolean> FOLLOW = OptionSpec.flag("follow", "keep polling and print new events as they arrive")
            .shortName('f');
    static final Opt<Duration> INTERVAL = OptionSpec.duration("interval", Duration.ofSeconds(5), "pause between polls")
            .atLeast(Duration.ofSeconds(1));
    static final Opt<Duration> FOR = OptionSpec.duration("for", null, "follow this long, then exit 0 (implies "
            + "--follow)").atLeast(Duration.ofSeconds(1));
    static final Opt<String> SINCE = AuditOptions.since("10m");
    static final Opt<String> SOURCE = AuditOptions.source(List.of("realtime", "auditlogs"));

    private final ApiAccess access;
    private final Environment environment;
    private final Clock clock;

    public AuditTailCommand(ApiAccess access, Environment environment, Clock clock) {
        super("audit tail", "Audit", "Print recent audit events; --follow prints each new one once as it arrives "
                        + "(Ctrl-C or --for ends it)",
                List.of("audit tail", "audit tail --follow", "audit tail --follow --domain-id 6f1c... --for 5m",
                        "audit tail --follow --interval 10s --output json"),
                options());
        this.access = access;
        this.environment = environment;
        this.clock = clock;
    }

    private static OptionSpec[] options() {
        List<OptionSpec> options = new ArrayList<>(List.of(FOLLOW, INTERVAL, FOR));
        options.addAll(AuditOptions.filters(SINCE, SOURCE));
        return ConnectionOptions.with(options.toArray(OptionSpec[]::new));
    }

    @Override
    public Outcome run(Invocation invocation) {
        AuditSettings settings = AuditSettings.from(environment);
        Duration interval = invocation.get(INTERVAL);
        Optional<Duration> runFor = invocation.optional(FOR);
        boolean follow = invocation.get(FOLLOW) || runFor.isPresent();
        Instant now = clock.instant();
        AuditOptions.Request request = AuditOptions.parse(invocation, settings, now, SINCE, SOURCE, now);
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
        AuditTail.Summary summary;
        try {
            summary = tail.run(request.query(), follow, interval, runFor, invocation.cancellation(), sink,
                    invocation.progress());
        } catch (GctlsException e) {
            if (!follow || e.exitCode() != ExitCode.INTERRUPTED) {
                throw e;
            }
            // Ctrl-C is how a follow ends: say so, no error (a command file still stops: its next
            // command meets the same cancellation)
            out.note(e.getMessage());
            return Outcome.done();
        }
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
