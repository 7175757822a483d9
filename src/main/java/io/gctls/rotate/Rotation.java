package io.gctls.rotate;

import io.gctls.api.Await;
import io.gctls.api.Waiter;
import io.gctls.core.Cancellation;
import io.gctls.core.DaemonThreads;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.deploy.DeployResult;
import io.gctls.deploy.Deployer;
import io.gctls.payload.BuiltPayload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a plan (docs/rotation.md): unchanged and refused domains are recorded
 * without a request; the others go out through {@link Deployer} with the one-domain rules (never a
 * duplicate), at most {@code concurrency} at a time, each after a slot from the {@link Pacer}. Each
 * domain's intent is in the journal before its first request and its outcome after its last.
 *
 * <p>Ctrl-C stops new domains at once (a domain waiting for its slot is left untouched); those in
 * flight are given {@link Settings#settleGrace()} to finish, then cancelled (their journal lines say
 * the request may have reached the server, so a resume looks them up first). A 429 whose wait is
 * longer than the maximum parks the rest ({@link RateWatch}).
 */
public final class Rotation {

    /** How the apply runs. */
    public record Settings(int concurrency, Duration settleGrace) {

        public static final int DEFAULT_CONCURRENCY = 4;
        public static final int MAX_CONCURRENCY = 64;

        public Settings {
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw GctlsException.usage("--concurrency must be 1 to " + MAX_CONCURRENCY + ", not " + concurrency);
            }
        }
    }

    /** Hears about the run as it goes: what to show at a terminal, or as JSON lines. */
    public interface Listener {
        void started(int domains, int toSend);

        void outcome(DomainOutcome outcome, Progress progress);

        void note(String note);
    }

    /** Where the run stands after each domain. */
    public record Progress(int done, int total, int requests, int rateLimited, double perMinute, Duration eta) {
    }

    private final Plan plan;
    private final Journal journal;
    private final Function<Consumer<String>, Deployer> deployers;
    private final RateWatch watch;
    private final Waiter slotWaiter;
    private final Clock clock;
    private final Settings settings;
    private final Listener listener;

    /**
     * @param deployers a fresh deployer per domain (its request trail is its own), reporting notes to the consumer
     * @param slotWaiter how a worker waits for its slot; Ctrl-C ends the wait
     */
    public Rotation(Plan plan, Journal journal, Function<Consumer<String>, Deployer> deployers, RateWatch watch,
            Waiter slotWaiter, Clock clock, Settings settings, Listener listener) {
        this.plan = plan;
        this.journal = journal;
        this.deployers = deployers;
        this.watch = watch;
        this.slotWaiter = slotWaiter;
        this.clock = clock;
        this.settings = settings;
        this.listener = listener;
    }

    /** The state of one run, shared by its workers. */
    private final class Run {
        final Cancellation user;
        final Cancellation inFlight = Cancellation.create();
        final AtomicBoolean stopped = new AtomicBoolean();
        final ConcurrentLinkedQueue<PlanEntry> queue = new ConcurrentLinkedQueue<>();
        final List<PlanEntry> notStarted = Collections.synchronizedList(new ArrayList<>());
        final List<DomainOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger finished = new AtomicInteger();
        final java.util.Map<String, Integer> requeued = new java.util.concurrent.ConcurrentHashMap<>();
        final int total;
        final int requestsBefore;
        final int rateLimitedBefore;
        volatile Instant started;

        Run(Cancellation user, int total) {
            this.user = user;
            this.total = total;
            this.requestsBefore = watch.requests();
            this.rateLimitedBefore = watch.rateLimited();
        }

        int requests() {
            return watch.requests() - requestsBefore;
        }

        boolean stopping() {
            return stopped.get() || user.isCancelled() || watch.parked().isPresent();
        }
    }

    /**
     * What the summary says beside the run itself.
     *
     * @param earlier domains done by the run this one resumes
     * @param resume the command that continues this rotation
     */
    public record Context(String id, int earlier, int listRequests, long planMs, String resume) {
    }

    /** Runs the plan; returns the outcomes in the order they ended, and the summary. */
    public Result run(Cancellation user, Context context) {
        List<PlanEntry> entries = plan.entries();
        Run run = new Run(user, entries.size());
        List<PlanEntry> toSend = entries.stream().filter(e -> e.action().sends()).toList();
        listener.started(entries.size(), toSend.size());
        for (PlanEntry entry : entries) {
            if (entry.action() == Action.UNCHANGED) {
                record(run, new DomainOutcome(entry.domain(), DomainOutcome.UNCHANGED, entry.action().label(),
                        entry.deployedId(), entry.newFingerprint(), 0, 0, false, 0, "already serves this certificate"));
            } else if (entry.action() == Action.REFUSED) {
                record(run, new DomainOutcome(entry.domain(), DomainOutcome.REFUSED, entry.action().label(), "",
                        entry.newFingerprint(), 0, 0, false, ExitCode.INPUT.code(), entry.origin() + ": "
                                + entry.reason()));
            }
        }
        run.queue.addAll(toSend);
        run.started = clock.instant();
        ScheduledExecutorService grace =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("gctls-rotate-grace"));
        Cancellation.Registration onCtrlC = user.onCancel(() -> {
            run.stopped.set(true);
            listener.note("stopping: no new requests; waiting up to " + io.gctls.api.Waits.format(
                    settings.settleGrace()) + " for those in flight");
            grace.schedule(run.inFlight::cancel, settings.settleGrace().toMillis(), TimeUnit.MILLISECONDS);
        });
        try {
            List<Thread> workers = new ArrayList<>();
            int count = Math.min(settings.concurrency(), Math.max(1, toSend.size()));
            for (int i = 0; i < count; i++) {
                Thread worker = DaemonThreads.named("gctls-rotate-" + (i + 1)).newThread(() -> work(run));
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                joinUninterruptibly(worker);
            }
        } finally {
            onCtrlC.close();
            grace.shutdownNow();
        }
        Instant ended = clock.instant();
        List<PlanEntry> untouched = new ArrayList<>(run.notStarted);
        untouched.addAll(run.queue);
        Optional<RateWatch.Parked> parked = watch.parked();
        for (PlanEntry entry : untouched) {
            if (parked.isPresent()) {
                record(run, new DomainOutcome(entry.domain(), DomainOutcome.PARKED, entry.action().label(),
                        entry.deployedId(), entry.newFingerprint(), 0, 0, false, ExitCode.UNAVAILABLE.code(),
                        "not sent: " + parked.get().getMessage()));
            }
        }
        RotationSummary summary = summary(run, ended, context, parked.isPresent() ? 0 : untouched.size());
        return new Result(List.copyOf(run.outcomes), summary);
    }

    /** The outcomes of a run, in the order they ended, and its summary. */
    public record Result(List<DomainOutcome> outcomes, RotationSummary summary) {
    }

    private void work(Run run) {
        while (!run.stopping()) {
            PlanEntry entry = run.queue.poll();
            if (entry == null) {
                return;
            }
            Duration slot = watch.pacer().reserve(clock.instant(), run.queue.size() + 1L);
            try {
                Await.result(slotWaiter.waitFor(slot, run.user), run.user, slot.plusSeconds(30), "waiting for a slot");
            } catch (GctlsException e) {
                watch.pacer().settled();
                run.notStarted.add(entry);
                return;
            }
            if (run.stopping()) {
                watch.pacer().settled();
                run.notStarted.add(entry);
                return;
            }
            DomainOutcome outcome;
            try {
                journal.intent(entry.domain(), entry.action().label(), entry.newFingerprint(), entry.lookUpFirst());
                outcome = deploy(run, entry);
            } catch (RateLimited limited) {
                // the API did not act on it: behind the others again, after the wait the pacer now holds
                run.queue.add(entry.action() == Action.CREATE ? entry.lookingUpFirst() : entry);
                listener.note(entry.domain() + ": " + limited.getMessage() + "; queued again");
                continue;
            } finally {
                watch.pacer().settled();
            }
            record(run, outcome);
        }
    }

    private DomainOutcome deploy(Run run, PlanEntry entry) {
        BuiltPayload payload = plan.payload(entry.domain()).orElseThrow();
        Deployer deployer = deployers.apply(note -> listener.note(entry.domain() + ": " + note));
        try {
            DeployResult result = entry.lookUpFirst()
                    ? deployer.deploy(payload.payload(), payload.leafFingerprint(), true, run.inFlight,
                            note -> listener.note(entry.domain() + ": " + note))
                    : deployer.deployListed(payload.payload(), payload.leafFingerprint(),
                            plan.deployed(entry.domain()), true, run.inFlight,
                            note -> listener.note(entry.domain() + ": " + note));
            return new DomainOutcome(entry.domain(), result.action(), entry.action().label(), result.id(),
                    payload.leafFingerprint(), result.attempts(), result.totalWaitMs(), result.reconciled(), 0,
                    String.join("; ", result.notes()));
        } catch (RateWatch.Parked parked) {
            return failure(entry, DomainOutcome.PARKED, ExitCode.UNAVAILABLE, parked.getMessage());
        } catch (GctlsException e) {
            if (watch.parked().isPresent()) {
                return failure(entry, DomainOutcome.PARKED, ExitCode.UNAVAILABLE, e.getMessage());
            }
            if (e instanceof io.gctls.api.ApiException api && api.status() == 429
                    && run.requeued.merge(entry.domain(), 1, Integer::sum) <= MAX_REQUEUES) {
                throw new RateLimited(e.getMessage());
            }
            if (e.exitCode() == ExitCode.INTERRUPTED) {
                return failure(entry, DomainOutcome.INTERRUPTED, ExitCode.INTERRUPTED, e.getMessage());
            }
            return failure(entry, DomainOutcome.FAILED, e.exitCode(), e.getMessage());
        }
    }

    /**
     * How often a domain whose request used up its attempts on 429s goes back in the queue: a storm
     * of 429s slows the rotation down instead of failing the unlucky domains.
     */
    static final int MAX_REQUEUES = 3;

    /** The API's rate-limit window (docs/rotation.md "Pacing"): its allowance is per minute. */
    static final long ONE_WINDOW_MS = 60_000;

    /** A domain's request gave up on 429s: the API did not act on it, so it may simply go again. */
    private static final class RateLimited extends RuntimeException {
        RateLimited(String message) {
            super(message, null, false, false);
        }
    }

    private static DomainOutcome failure(PlanEntry entry, String outcome, ExitCode code, String message) {
        return new DomainOutcome(entry.domain(), outcome, entry.action().label(), entry.deployedId(),
                entry.newFingerprint(), 0, 0, false, code.code(), message);
    }

    private void record(Run run, DomainOutcome outcome) {
        journal.outcome(outcome);
        run.outcomes.add(outcome);
        int done = run.finished.incrementAndGet();
        listener.outcome(outcome, progress(run, done));
    }

    private Progress progress(Run run, int done) {
        Instant started = run.started == null ? clock.instant() : run.started;
        Duration elapsed = Duration.between(started, clock.instant());
        int requests = run.requests();
        double perMinute = elapsed.toMillis() <= 0 ? 0 : requests * 60_000.0 / elapsed.toMillis();
        int left = run.total - done;
        Duration eta = Duration.ZERO;
        long allowed = watch.pacer().allowed();
        double pace = allowed > 0 ? Math.min(allowed, Math.max(perMinute, 1)) : perMinute;
        if (left > 0 && pace > 0) {
            eta = Duration.ofMillis((long) (left * 60_000.0 / pace));
        }
        return new Progress(done, run.total, requests, watch.rateLimited() - run.rateLimitedBefore, perMinute, eta);
    }

    private RotationSummary summary(Run run, Instant ended, Context context, int pending) {
        Map<String, Long> counts = run.outcomes.stream().collect(java.util.stream.Collectors.groupingBy(
                DomainOutcome::outcome, java.util.stream.Collectors.counting()));
        int created = count(counts, DomainOutcome.CREATED);
        int replaced = count(counts, DomainOutcome.REPLACED);
        int failed = count(counts, DomainOutcome.FAILED);
        int parked = count(counts, DomainOutcome.PARKED);
        int interrupted = count(counts, DomainOutcome.INTERRUPTED);
        long wallMs = Duration.between(run.started, ended).toMillis();
        int requests = run.requests();
        int changes = created + replaced + failed + parked + interrupted;
        double perMinute = wallMs <= 0 ? 0 : requests * 60_000.0 / wallMs;
        long allowed = watch.pacer().allowed();
        ExitCode exit = ExitCode.OK;
        for (DomainOutcome outcome : run.outcomes) {
            exit = exit.worst(RotationSummary.exitCode(outcome.exitCode()));
        }
        if (pending > 0 || run.user.isCancelled()) {
            exit = exit.worst(ExitCode.INTERRUPTED);
        }
        boolean unfinished = failed + parked + interrupted + pending > 0;
        return new RotationSummary(context.id(), journal.file().toString(), run.total + context.earlier(), created,
                replaced, count(counts, DomainOutcome.UNCHANGED), count(counts, DomainOutcome.REFUSED), failed, parked,
                interrupted, pending, context.earlier(), context.planMs(), wallMs, requests, context.listRequests(),
                watch.rateLimited()
                        - run.rateLimitedBefore, changes == 0 ? 0 : round(requests / (double) changes),
                round(perMinute), allowed, round(shareOfAllowance(requests + context.listRequests(), wallMs, allowed)),
                watch.parked().map(p -> p.until().toString()).orElse(""), unfinished ? context.resume() : "",
                exit.code());
    }

    /**
     * How close the run came to what the limit allows (docs/rotation.md "What it shows, and the exit code"). Requests that
     * fit in one window are judged against that window's allowance (below 1: the limit never bound).
     * Otherwise the limit needs at least one full window per allowance used up before the last request
     * can go, and the share is that time against the time the run took: a per-minute rate over a run
     * just past a window's edge would read as more than the limit (120 at once, 31 more a minute later).
     */
    static double shareOfAllowance(int requests, long wallMs, long allowed) {
        if (allowed <= 0) {
            return 0;
        }
        if (requests <= allowed) {
            return requests / (double) allowed;
        }
        return limitNeedsMs(requests, allowed) / (double) Math.max(wallMs, 1);
    }

    /** The shortest time the limit lets {@code requests} take: one full window per allowance used up. */
    static long limitNeedsMs(int requests, long allowed) {
        return allowed <= 0 ? 0 : (requests - 1) / allowed * ONE_WINDOW_MS;
    }

    private static int count(Map<String, Long> counts, String outcome) {
        return counts.getOrDefault(outcome, 0L).intValue();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
