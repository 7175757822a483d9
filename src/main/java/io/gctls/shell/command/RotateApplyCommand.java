package io.gctls.shell.command;

import io.gctls.api.ApiRuntime;
import io.gctls.auth.ApiSession;
import io.gctls.api.Waits;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.rotate.DomainOutcome;
import io.gctls.rotate.Rotation;
import io.gctls.rotate.RotationSummary;
import io.gctls.rotate.Rotations;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * {@code rotate apply}: the plan, then the creates and replaces, paced to the token's rate limit,
 * journaled, never a domain twice; {@code --resume} continues a journal. At a terminal one live
 * line shows done/total, the request rate, 429s and the time left; with {@code --output json} each
 * domain's outcome is a JSON line and the summary the last line.
 */
public class RotateApplyCommand extends GctlsCommand {

    static final Opt<Boolean> RESUME = OptionSpec.flag("resume", "continue a rotation from its journal (the "
            + "newest, or the ID or journal file given as argument)");
    static final Opt<Integer> CONCURRENCY = OptionSpec.integer("concurrency", "N",
            Rotation.Settings.DEFAULT_CONCURRENCY, "requests in flight at most").atLeast(1)
            .atMost(Rotation.Settings.MAX_CONCURRENCY);
    static final Opt<Boolean> ALL_OR_NOTHING = OptionSpec.flag("all-or-nothing",
            "send nothing when any bundle is refused");
    static final Opt<Path> JOURNAL = OptionSpec.file("journal", "write the journal here (default: "
            + "$XDG_STATE_HOME/gctls/rotations/<id>.jsonl)");
    static final Opt<Duration> MAX_WAIT = OptionSpec.duration("max-wait", null, "a 429 asking for longer parks the "
            + "rest instead of waiting (default: the profile's max-wait, 60s)").atLeast(Duration.ofSeconds(1));
    static final Opt<Duration> SETTLE = OptionSpec.duration("settle", Duration.ofSeconds(30), "after Ctrl-C, how "
            + "long requests in flight may take to finish").atLeast(Duration.ofSeconds(1));

    private final Rotations rotations;
    private final ApiAccess access;
    private final Supplier<ApiRuntime> runtime;
    private final SandboxControl sandbox;

    public RotateApplyCommand(Rotations rotations, ApiAccess access, Supplier<ApiRuntime> runtime,
            SandboxControl sandbox) {
        super("rotate apply", "Rotate", "Rotate many domains: create and replace at the rate limit, journaled, "
                + "resumable, never twice",
                List.of("rotate apply --dir fleet/ --trust root.pem",
                        "rotate apply --manifest fleet.csv --all-or-nothing --concurrency 8",
                        "rotate apply --resume", "rotate apply --resume 20260601T101500Z-3f2a --output json"),
                RotateOptions.with(RESUME, CONCURRENCY, ALL_OR_NOTHING, JOURNAL, MAX_WAIT, SETTLE));
        this.rotations = rotations;
        this.access = access;
        this.runtime = runtime;
        this.sandbox = sandbox;
    }

    @Override
    public String argumentsSynopsis() {
        return "[ID|JOURNAL]";
    }

    @Override
    public Outcome run(Invocation invocation) {
        boolean resume = invocation.get(RESUME);
        if (!resume && !invocation.arguments().isEmpty()) {
            throw GctlsException.usage("'rotate apply' takes an ID or journal only with --resume");
        }
        if (resume && (invocation.optional(RotateOptions.MANIFEST).isPresent()
                || invocation.optional(RotateOptions.DIR).isPresent())) {
            throw GctlsException.usage("--resume continues the journal's own --manifest or --dir; give neither");
        }
        Optional<io.gctls.rotate.Source> source = resume ? Optional.empty()
                : Optional.of(RotateOptions.source(invocation));
        Progress progress = new Progress(invocation.out(), access::sawDomain);
        ApiSession.Connected connected = access.connected(invocation);
        Rotations.Api api = rotations.api(runtime.get(), connected, invocation.optional(MAX_WAIT), progress::note);
        Rotations.Applied applied;
        if (resume) {
            applied = rotations.resume(invocation.argument(0), invocation.optional(CONCURRENCY), api, progress,
                    invocation.cancellation());
        } else {
            Rotations.ApplyRequest request = new Rotations.ApplyRequest(source.orElseThrow(),
                    RotateOptions.plan(invocation, RotateOptions.sandboxTrust(connected, sandbox)),
                    invocation.get(ALL_OR_NOTHING), new Rotation.Settings(
                            invocation.get(CONCURRENCY), invocation.get(SETTLE)), invocation.optional(JOURNAL));
            applied = rotations.apply(request, api, progress, invocation.cancellation());
        }
        progress.done();
        RotationSummary summary = applied.summary();
        ExitCode code = summary.exit();
        if (invocation.out().json()) {
            invocation.out().jsonLine(new SummaryLine("summary", summary));
            return Outcome.done(code);
        }
        return Outcome.of(summary, RotateApplyCommand::render, code);
    }

    /** The last JSON line of a run. */
    public record SummaryLine(String type, RotationSummary summary) {
    }

    /** One JSON line per domain outcome. */
    public record OutcomeLine(String type, DomainOutcome outcome) {
    }

    static void render(RotationSummary s, Output out) {
        out.println("rotation " + s.id() + ": " + s.created() + " created, " + s.replaced() + " replaced, "
                + s.unchanged() + " unchanged, " + s.refused() + " refused, " + s.failed() + " failed, " + s.parked()
                + " parked" + (s.interrupted() + s.pending() > 0 ? ", " + (s.interrupted() + s.pending())
                        + " not done (interrupted)" : "") + (s.earlier() > 0 ? "; " + s.earlier()
                                + " done by the run it resumed" : ""));
        Views.field(out, "time", "plan " + Waits.format(Duration.ofMillis(s.planMs())) + ", apply "
                + Waits.format(Duration.ofMillis(s.wallMs())));
        Views.field(out, "requests", Views.plural(s.requests(), "request") + String.format(Locale.ROOT,
                " (%.2f per change, plus %d for the list), ", s.requestsPerChange(), s.listRequests())
                + Views.plural(s.rateLimited(), "429") + ", " + rate(s));
        Views.field(out, "journal", s.journal());
        Views.field(out, "parked", s.parkedUntil().isEmpty() ? "" : "the API asked to wait until " + s.parkedUntil());
        Views.field(out, "resume", s.resume());
    }

    private static String rate(RotationSummary s) {
        if (s.allowedPerMinute() <= 0) {
            return String.format(Locale.ROOT, "%.0f requests/min", s.achievedPerMinute());
        }
        if (s.withinOneWindow()) {
            return String.format(Locale.ROOT, "%d of the %d requests one minute's window allows (%.2f)",
                    s.requests(), s.allowedPerMinute(), s.ofAllowed());
        }
        // seconds with a tenth, not Waits.format: "1 min where the limit needs 1 min" would hide the gap
        return String.format(Locale.ROOT, "%.0f requests/min of %d allowed: %.1f s where the limit needs %.1f s (%.2f)",
                s.achievedPerMinute(), s.allowedPerMinute(), s.wallMs() / 1000.0, s.limitNeedsMs() / 1000.0,
                s.ofAllowed());
    }

    /** What the run shows as it goes: a line per domain (text or JSON) and, at a terminal, one live line. */
    private static final class Progress implements Rotation.Listener {
        private final Output out;
        private final BiConsumer<String, String> deployed;
        private int total;
        private int toSend;

        /** @param deployed hears the id and name of each domain now live (for Tab completion) */
        Progress(Output out, BiConsumer<String, String> deployed) {
            this.out = out;
            this.deployed = deployed;
        }

        @Override
        public synchronized void started(int domains, int sending) {
            total = domains;
            toSend = sending;
            if (!out.json()) {
                out.note(Views.plural(domains, "domain") + ", " + sending + " to send");
            }
        }

        @Override
        public synchronized void outcome(DomainOutcome outcome, Rotation.Progress progress) {
            if (outcome.done() && !outcome.id().isEmpty()) {
                deployed.accept(outcome.id(), outcome.domain());
            }
            if (out.json()) {
                out.jsonLine(new OutcomeLine("outcome", outcome));
            } else {
                Views.field(out, outcome.outcome(), this::style, outcome.domain() + detail(outcome));
                out.live(String.format(Locale.ROOT, "rotating: %d/%d done, %.0f requests/min, %d 429s, about %s left",
                        progress.done(), progress.total(), progress.perMinute(), progress.rateLimited(),
                        Waits.format(progress.eta())));
            }
        }

        @Override
        public synchronized void note(String note) {
            out.note(note);
        }

        synchronized void done() {
            out.clearStatus();
        }

        private String style(String outcome) {
            return switch (outcome) {
                case DomainOutcome.CREATED, DomainOutcome.REPLACED -> out.style().ok(outcome);
                case DomainOutcome.UNCHANGED -> outcome;
                case DomainOutcome.REFUSED, DomainOutcome.FAILED -> out.style().error(outcome);
                default -> out.style().warn(outcome);
            };
        }

        private static String detail(DomainOutcome o) {
            if (!o.message().isEmpty() && !o.done()) {
                return ": " + o.message();
            }
            StringBuilder text = new StringBuilder();
            if (!o.id().isEmpty()) {
                text.append(" (id ").append(o.id());
                if (o.requests() > 0) {
                    text.append(", ").append(Views.plural(o.requests(), "request"));
                }
                if (o.reconciled()) {
                    text.append(", reconciled after an unclear answer");
                }
                text.append(')');
            }
            return text.toString();
        }
    }
}
