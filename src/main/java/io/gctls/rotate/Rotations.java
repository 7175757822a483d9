package io.gctls.rotate;

import io.gctls.api.ApiClient;
import io.gctls.api.ApiRuntime;
import io.gctls.api.RetrySettings;
import io.gctls.api.Waiter;
import io.gctls.auth.ApiSession;
import io.gctls.cert.CertInspector;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.gctls.deploy.CustomDomains;
import io.gctls.deploy.Deployer;
import io.gctls.payload.PayloadSettings;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * Rotating many domains (docs/rotation.md): the service behind {@code rotate plan},
 * {@code rotate apply [--resume]}, {@code rotate status} and {@code rotate list}. It reads the
 * bundles, plans, keeps the journal, and runs the {@link Rotation} through an API client of its own
 * whose every answer the {@link RateWatch} sees.
 */
public final class Rotations {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final CertInspector inspector;
    private final Clock clock;
    private final Metrics metrics;
    private final Path journals;

    /** @param journals where journals go unless {@code --journal} says otherwise ({@code $XDG_STATE_HOME/gctls/rotations}) */
    public Rotations(CertInspector inspector, Clock clock, Metrics metrics, Path journals) {
        this.inspector = inspector;
        this.clock = clock;
        this.metrics = metrics;
        this.journals = journals;
    }

    public Path journals() {
        return journals;
    }

    /**
     * The rotation's own client over the process's runtime: the connection's retry limits (with
     * {@code maxWait} as the longest wait before parking), the executor's pacer left to its safety
     * net (the rotation paces itself), and every answer watched.
     */
    public record Api(ApiClient client, CustomDomains domains, RateWatch watch, Waiter slotWaiter, String apiUrl,
            RetrySettings retry) {
    }

    public Api api(ApiRuntime runtime, ApiSession.Connected connected, Optional<Duration> maxWait,
            java.util.function.Consumer<String> notes) {
        RetrySettings base = connected.connection().retry();
        RetrySettings retry = new RetrySettings(base.maxAttempts(), base.maxTotal(), maxWait.orElse(base.maxWait()),
                base.backoffBase(), base.backoffCap(), base.connectTimeout(), base.requestTimeout(),
                base.breakerMaxFailures(), base.breakerReset(), 1.0);
        return api(runtime, retry, connected, notes);
    }

    private Api api(ApiRuntime runtime, RetrySettings retry, ApiSession.Connected connected,
            java.util.function.Consumer<String> notes) {
        RateWatch watch = new RateWatch(new Pacer(), runtime.clock(), retry.maxWait());
        AtomicReference<Waiter> watchedWaiter = new AtomicReference<>();
        var executor = runtime.executor(retry, watch::transport, waiter -> {
            Waiter watched = watch.waiter(waiter);
            watchedWaiter.set(watched);
            return watched;
        });
        String apiUrl = connected.connection().endpoints().apiUrl();
        ApiClient client = new ApiClient(executor, apiUrl, connected.tokens());
        CustomDomains domains = new CustomDomains(client, connected.connection().paths().customDomains(), notes);
        return new Api(client, domains, watch, watchedWaiter.get(), apiUrl, retry);
    }

    /** A plan, how many requests its list took, and how long it took to make. */
    public record Planned(Plan plan, int listRequests, long planMs) {
    }

    /** Reads the bundles, inspects them all, lists the deployed domains once: sends only the list. */
    public Planned plan(Source source, Planner.Options options, Api api, Cancellation cancellation) {
        java.time.Instant started = clock.instant();
        List<Bundle> bundles = source.read(cancellation);
        int before = api.watch().requests();
        Plan plan = new Planner(inspector).plan(source.describe(), bundles, options,
                c -> api.domains().list(Optional.empty(), c), cancellation);
        return new Planned(plan, api.watch().requests() - before, Duration.between(started, clock.instant())
                .toMillis());
    }

    /** What {@code rotate apply} was asked to do. */
    public record ApplyRequest(Source source, Planner.Options plan, boolean allOrNothing, Rotation.Settings run,
            Optional<Path> journal) {
    }

    /** A finished (or stopped) apply: the plan it ran, every outcome, the summary. */
    public record Applied(Plan.Report plan, List<DomainOutcome> outcomes, RotationSummary summary) {
    }

    /** Plans, then (unless {@code --all-or-nothing} finds a refused bundle) applies, with a new journal. */
    public Applied apply(ApplyRequest request, Api api, Rotation.Listener listener, Cancellation cancellation) {
        Planned planned = plan(request.source(), request.plan(), api, cancellation);
        Plan.Counts counts = planned.plan().report().counts();
        if (request.allOrNothing() && counts.refused() > 0) {
            List<String> refused = planned.plan().entries().stream().filter(e -> e.action() == Action.REFUSED)
                    .map(e -> e.domain() + " (" + e.reason() + ")").toList();
            throw new GctlsException(ExitCode.INPUT, "--all-or-nothing: " + counts.refused() + " of "
                    + planned.plan().entries().size() + " bundles refused, so nothing was sent: "
                    + String.join("; ", refused.subList(0, Math.min(5, refused.size())))
                    + (refused.size() > 5 ? "; and " + (refused.size() - 5) + " more" : ""));
        }
        String id = ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(randomBytes());
        Path file = request.journal().orElse(journals.resolve(id + ".jsonl"));
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("id", id);
        start.put("source", Map.of("kind", request.source().kind().name().toLowerCase(java.util.Locale.ROOT),
                "path", request.source().path().toString()));
        start.put("api", api.apiUrl());
        start.put("options", options(request));
        start.put("domains", planned.plan().entries().size());
        try (Journal journal = Journal.create(file, clock, start)) {
            return run(planned.plan(), new Rotation.Context(id, 0, planned.listRequests(), planned.planMs(),
                    resumeCommand(id, file)), journal, request, api, listener, cancellation);
        }
    }

    /** Continues a journal's rotation: what is done is skipped; a create that may have happened is looked up first. */
    public Applied resume(Optional<String> idOrFile, Optional<Integer> concurrency, Api api,
            Rotation.Listener listener, Cancellation cancellation) {
        Path file = locate(idOrFile);
        Journal.Contents contents = Journal.read(file, cancellation);
        JsonNode start = contents.start();
        String journalApi = start.path("api").asString("");
        if (!journalApi.equals(api.apiUrl())) {
            throw GctlsException.usage("journal " + file + " rotated domains at " + journalApi + ", but this "
                    + "connection is " + api.apiUrl() + "; resume it with the same connection");
        }
        ApplyRequest request = requestFrom(start, concurrency);
        Map<String, Journal.DomainState> states = contents.domains();
        Planned planned = plan(request.source(), request.plan(), api, cancellation);
        List<PlanEntry> entries = new ArrayList<>();
        int earlier = 0;
        for (PlanEntry entry : planned.plan().entries()) {
            Journal.DomainState state = states.getOrDefault(entry.domain(), Journal.DomainState.NONE);
            if (state.done()) {
                earlier++;
            } else if (state.lookUpFirst() && entry.action().sends()) {
                entries.add(entry.lookingUpFirst());
            } else {
                entries.add(entry);
            }
        }
        Plan plan = planned.plan().withEntries(entries);
        if (request.allOrNothing() && plan.report().counts().refused() > 0) {
            throw new GctlsException(ExitCode.INPUT, "--all-or-nothing: " + plan.report().counts().refused()
                    + " bundles are refused now, so nothing more was sent; see: rotate plan " + request.source()
                    .describe());
        }
        try (Journal journal = Journal.append(file, clock)) {
            Map<String, Object> resumed = new LinkedHashMap<>();
            resumed.put("earlier", earlier);
            resumed.put("tornLastLine", contents.tornLastLine());
            journal.resumed(resumed);
            String id = contents.id();
            return run(plan, new Rotation.Context(id, earlier, planned.listRequests(), planned.planMs(),
                    resumeCommand(id, file)), journal, request, api, listener, cancellation);
        }
    }

    private Applied run(Plan plan, Rotation.Context context, Journal journal, ApplyRequest request, Api api,
            Rotation.Listener listener, Cancellation cancellation) {
        Rotation rotation = new Rotation(plan, journal, notes -> new Deployer(new CustomDomains(api.client(),
                api.domains().path(), notes), api.retry(), api.client().executor().backoff(), clock, metrics,
                api.client()::pause), api.watch(), api.slotWaiter(), clock, request.run(), listener);
        Rotation.Result result = rotation.run(cancellation, context);
        journal.end(Map.of("summary", result.summary()));
        return new Applied(plan.report(), result.outcomes(), result.summary());
    }

    private static Map<String, Object> options(ApplyRequest request) {
        Map<String, Object> options = new LinkedHashMap<>();
        request.plan().trust().ifPresent(t -> options.put("trust", t.toAbsolutePath().toString()));
        options.put("warnDays", request.plan().warnDays());
        options.put("offline", request.plan().offline());
        options.put("tlsVersion", request.plan().settings().tlsVersion());
        options.put("ocspStapling", request.plan().settings().ocspStapling());
        options.put("allOrNothing", request.allOrNothing());
        options.put("concurrency", request.run().concurrency());
        options.put("settleGraceMs", request.run().settleGrace().toMillis());
        return options;
    }

    private static ApplyRequest requestFrom(JsonNode start, Optional<Integer> concurrency) {
        JsonNode source = start.path("source");
        Path path = Path.of(source.path("path").asString(""));
        Source from = source.path("kind").asString("").equals("manifest") ? Source.manifest(path) : Source.dir(path);
        JsonNode o = start.path("options");
        Optional<Path> trust = o.hasNonNull("trust") ? Optional.of(Path.of(o.path("trust").asString())) : Optional.empty();
        Planner.Options plan = new Planner.Options(trust, o.path("warnDays").asInt(30),
                o.path("offline").asBoolean(false), new PayloadSettings(o.path("tlsVersion").asString(
                        PayloadSettings.TLS_12), o.path("ocspStapling").asBoolean(false),
                        PayloadSettings.defaults().type()), Planner.Options.defaultThreads());
        Rotation.Settings run = new Rotation.Settings(concurrency.orElse(o.path("concurrency").asInt(
                Rotation.Settings.DEFAULT_CONCURRENCY)), Duration.ofMillis(o.path("settleGraceMs").asLong(30_000)));
        return new ApplyRequest(from, plan, o.path("allOrNothing").asBoolean(false), run, Optional.empty());
    }

    private String resumeCommand(String id, Path file) {
        boolean inDefaultFolder = file.toAbsolutePath().normalize().equals(journals.resolve(id + ".jsonl")
                .toAbsolutePath().normalize());
        return "gctls rotate apply --resume " + (inDefaultFolder ? id : file.toString());
    }

    /** A journal by path, by id in the journals folder, or (none given) the newest there. */
    public Path locate(Optional<String> idOrFile) {
        if (idOrFile.isPresent()) {
            Path given = Path.of(idOrFile.get());
            if (Files.isRegularFile(given)) {
                return given;
            }
            Path byId = journals.resolve(idOrFile.get().endsWith(".jsonl") ? idOrFile.get()
                    : idOrFile.get() + ".jsonl");
            if (Files.isRegularFile(byId)) {
                return byId;
            }
            throw GctlsException.input("no rotation journal " + idOrFile.get() + " (neither a file nor an id in "
                    + journals + "); see: rotate list");
        }
        return files().stream().reduce((first, second) -> second).orElseThrow(() -> GctlsException.input(
                "no rotation journals in " + journals + " yet; start one with: rotate apply --dir D"));
    }

    /** The journals in the folder, oldest first (ids begin with their start time). */
    public List<Path> files() {
        if (!Files.isDirectory(journals)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(journals, "*.jsonl")) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw GctlsException.input("cannot list the rotation journals in " + journals + ": " + e.getMessage());
        }
        files.sort(null);
        return files;
    }

    /** Where a journal's rotation stands. */
    public record Status(String id, String journal, String source, String api, String started, String lastActivity,
            int domains, int done, int refused, int failed, int parked, int inFlight, int notStarted,
            boolean finished, boolean tornLastLine, String resume) {
    }

    public Status status(Path file, Cancellation cancellation) {
        Journal.Contents contents = Journal.read(file, cancellation);
        JsonNode start = contents.start();
        Map<String, Journal.DomainState> states = contents.domains();
        int done = 0;
        int refused = 0;
        int failed = 0;
        int parked = 0;
        int inFlight = 0;
        for (Journal.DomainState state : states.values()) {
            if (state.done()) {
                done++;
            } else if (state.inFlight()) {
                inFlight++;
            } else {
                switch (state.lastOutcome()) {
                    case DomainOutcome.REFUSED -> refused++;
                    case DomainOutcome.PARKED -> parked++;
                    default -> failed++;
                }
            }
        }
        int domains = start.path("domains").asInt(states.size());
        int notStarted = Math.max(0, domains - states.size());
        boolean finished = done == domains;
        String last = contents.lines().isEmpty() ? start.path("at").asString("")
                : contents.lines().get(contents.lines().size() - 1).path("at").asString("");
        String id = contents.id();
        return new Status(id, file.toString(), describe(start.path("source")), start.path("api").asString(""),
                start.path("at").asString(""), last, domains, done, refused, failed, parked, inFlight, notStarted,
                finished, contents.tornLastLine(), finished ? "" : resumeCommand(id, file));
    }

    private static String describe(JsonNode source) {
        return (source.path("kind").asString("").equals("manifest") ? "--manifest " : "--dir ")
                + source.path("path").asString("");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[2];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
