package io.gctls.shell;

import io.gctls.api.ApiRuntime;
import io.gctls.auth.ApiSession;
import io.gctls.auth.ConnectionResolver;
import io.gctls.auth.Profile;
import io.gctls.auth.ProfileStore;
import io.gctls.cert.CertInspector;
import io.gctls.cert.HttpNetwork;
import io.gctls.core.Environment;
import io.gctls.core.Metrics;
import io.gctls.core.XdgDirs;
import io.gctls.rotate.Rotations;
import io.gctls.shell.command.AuditQueryCommand;
import io.gctls.shell.command.CertBundleCommand;
import io.gctls.shell.command.CertExplainCommand;
import io.gctls.shell.command.SandboxIssueCommand;
import io.gctls.shell.command.SandboxRevokeCommand;
import io.gctls.shell.command.AuditTailCommand;
import io.gctls.shell.command.AuthLoginCommand;
import io.gctls.shell.command.AuthLogoutCommand;
import io.gctls.shell.command.AuthStatusCommand;
import io.gctls.shell.command.CertInspectCommand;
import io.gctls.shell.command.DeployCommand;
import io.gctls.shell.command.DomainsListCommand;
import io.gctls.shell.command.DomainsShowCommand;
import io.gctls.shell.command.DomainsStatusCommand;
import io.gctls.shell.command.RotateApplyCommand;
import io.gctls.shell.command.RotateListCommand;
import io.gctls.shell.command.RotatePlanCommand;
import io.gctls.shell.command.RotateStatusCommand;
import io.gctls.shell.command.SandboxSeedCommand;
import io.gctls.shell.command.MetricsCommand;
import io.gctls.shell.command.PayloadBuildCommand;
import io.gctls.shell.command.PayloadPreviewCommand;
import io.gctls.shell.command.PayloadSaveCommand;
import io.gctls.shell.command.ProbeCommand;
import io.gctls.shell.command.ProfileListCommand;
import io.gctls.shell.command.ProfileShowCommand;
import io.gctls.shell.command.ProfileUseCommand;
import io.gctls.shell.command.SandboxFaultClearCommand;
import io.gctls.shell.command.SandboxFaultCommand;
import io.gctls.shell.command.SandboxStartCommand;
import io.gctls.shell.command.SandboxStatusCommand;
import io.gctls.shell.command.SandboxStopCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The composition root: every service and command of a gctls process, built once, in plain Java.
 * The one-shot run, the command-file run and the prompt all use these same objects; nothing is
 * found by reflection or scanning, so a one-shot command pays only for the classes it touches.
 *
 * <p>What is expensive or has side effects (Vert.x and its client, the API session and with it the
 * logging system) is built on first use; {@code cert inspect} never creates them.
 *
 * <p>To add a command: write the class (a {@link GctlsCommand} whose constructor takes the services
 * it needs) and add one line {@code command("my name", () -> new MyCommand(...))} to {@link #catalog()}.
 */
public final class Components implements AutoCloseable {

    private final Clock clock;
    private final Environment environment;
    private final XdgDirs dirs;
    private final Metrics metrics = new Metrics();
    private final Lazy<ApiRuntime> apiRuntime;
    private final Lazy<ProfileStore> profiles;
    private final Lazy<ConnectionResolver> connectionResolver;
    private final Lazy<ApiSession> apiSession;
    private final Lazy<CertInspector> certInspector;
    private final Lazy<PayloadFactory> payloads;
    private final Lazy<ApiAccess> apiAccess;
    private final Lazy<SandboxControl> sandbox;
    private final Lazy<Rotations> rotations;
    private final Lazy<GctlsShell> shell;

    private Components(Overrides overrides) {
        this.clock = overrides.clock != null ? overrides.clock : Clock.systemUTC();
        this.environment = overrides.environment != null ? overrides.environment : Environment.system();
        this.dirs = overrides.dirs != null ? overrides.dirs : XdgDirs.fromEnvironment();
        Function<Clock, ApiRuntime> runtime = overrides.apiRuntime != null ? overrides.apiRuntime
                : c -> ApiRuntime.create(c, "gctls/" + version());
        this.apiRuntime = new Lazy<>(() -> runtime.apply(clock));
        this.profiles = new Lazy<>(() -> new ProfileStore(dirs.configFile(), dirs.state(),
                XdgDirs.home()));
        this.connectionResolver = new Lazy<>(() -> new ConnectionResolver(environment, profiles.get(), dirs.state()));
        this.apiSession = new Lazy<>(() -> new ApiSession(apiRuntime, connectionResolver.get(), dirs.cache(), metrics));
        this.certInspector = new Lazy<>(() -> new CertInspector(clock, environment, new HttpNetwork(),
                Optional.of(dirs.cache().resolve("aia"))));
        this.payloads = new Lazy<>(() -> new PayloadFactory(certInspector.get(), environment, metrics));
        this.apiAccess = new Lazy<>(() -> new ApiAccess(apiSession, this::sandbox,
                () -> CompletionCache.in(dirs.cache())));
        this.sandbox = new Lazy<>(() -> new SandboxControl(apiSession, clock));
        this.rotations = new Lazy<>(() -> new Rotations(certInspector.get(), clock, metrics,
                dirs.state().resolve("rotations")));
        this.shell = new Lazy<>(this::buildShell);
    }

    /** The product's object graph: the system clock and environment, the real network. */
    public static Components create() {
        return new Components(new Overrides());
    }

    /** The object graph with some services replaced (tests: a map for the environment, a movable clock). */
    public static Components create(Overrides overrides) {
        return new Components(overrides);
    }

    /**
     * Every command of the shell: its name, as the command declares it, and how to build it. Adding a
     * command is one line here; the built-ins (help, script, history, clear, exit, version) are added
     * by {@link #newShell}. A one-shot run builds only the command it names (see {@link #shellFor}).
     */
    List<CommandEntry> catalog() {
        return List.of(
                command("cert inspect", () -> new CertInspectCommand(certInspector(), environment, metrics)),
                command("cert bundle", () -> new CertBundleCommand(certInspector(), environment, metrics)),
                command("cert explain", () -> new CertExplainCommand()),
                command("payload build", () -> new PayloadBuildCommand(payloads())),
                command("payload preview", () -> new PayloadPreviewCommand(payloads())),
                command("payload save", () -> new PayloadSaveCommand(payloads())),
                command("deploy", () -> new DeployCommand(payloads(), apiAccess(), clock, metrics, environment)),
                command("domains list", () -> new DomainsListCommand(apiAccess())),
                command("domains show", () -> new DomainsShowCommand(apiAccess())),
                command("domains status", () -> new DomainsStatusCommand(apiAccess(), certInspector(), sandbox(), clock)),
                command("rotate plan", () -> new RotatePlanCommand(rotations(), apiAccess(), apiRuntime, sandbox())),
                command("rotate apply", () -> new RotateApplyCommand(rotations(), apiAccess(), apiRuntime, sandbox())),
                command("rotate status", () -> new RotateStatusCommand(rotations())),
                command("rotate list", () -> new RotateListCommand(rotations())),
                command("audit query", () -> new AuditQueryCommand(apiAccess(), environment, clock, metrics)),
                command("audit tail", () -> new AuditTailCommand(apiAccess(), environment, clock)),
                command("probe", () -> new ProbeCommand(certInspector(), sandbox(), metrics,
                        () -> CompletionCache.in(dirs.cache()))),
                command("auth login", () -> new AuthLoginCommand(apiAccess(), clock, sandbox())),
                command("auth status", () -> new AuthStatusCommand(apiAccess(), clock)),
                command("auth logout", () -> new AuthLogoutCommand(apiAccess())),
                command("profile list", () -> new ProfileListCommand(profiles(), apiAccess())),
                command("profile show", () -> new ProfileShowCommand(profiles(), apiAccess())),
                command("profile use", () -> new ProfileUseCommand(profiles(), apiAccess())),
                command("sandbox start", () -> new SandboxStartCommand(sandbox())),
                command("sandbox stop", () -> new SandboxStopCommand(sandbox())),
                command("sandbox status", () -> new SandboxStatusCommand(sandbox())),
                command("sandbox fault", () -> new SandboxFaultCommand(sandbox())),
                command("sandbox fault clear", () -> new SandboxFaultClearCommand(sandbox(), apiRuntime)),
                command("sandbox seed", () -> new SandboxSeedCommand(sandbox(),
                        () -> CompletionCache.in(dirs.cache()))),
                command("sandbox issue", () -> new SandboxIssueCommand(sandbox())),
                command("sandbox revoke", () -> new SandboxRevokeCommand(sandbox())),
                command("metrics", () -> new MetricsCommand(metrics)));
    }

    /** A command's name and how to build it. */
    record CommandEntry(String name, Supplier<GctlsCommand> factory) {
        List<String> words() {
            return List.of(name.split(" "));
        }
    }

    private static CommandEntry command(String name, Supplier<GctlsCommand> factory) {
        return new CommandEntry(name, factory);
    }

    private GctlsShell buildShell() {
        return newShell(catalog());
    }

    private GctlsShell newShell(List<CommandEntry> entries) {
        List<GctlsCommand> all = new ArrayList<>();
        entries.forEach(entry -> all.add(entry.factory().get()));
        all.addAll(BuiltinCommands.all(shell, version()));
        // hooks run in this order before the first command of every launch
        List<LaunchHook> hooks = List.of(sandbox());
        return new GctlsShell(all, hooks, dirs, this::profileDefaults);
    }

    /**
     * The shell for a launch. The prompt and command files get the whole shell. A one-shot command
     * gets a shell of just the commands its words name (and the built-ins): building all 30-odd
     * commands was a fifth of a one-shot {@code version}. When those words do not parse there (a
     * typo, an unknown option), the whole shell takes the run, so that the error and its "did you
     * mean" are the whole shell's. help, script and history work on the whole shell anyway.
     */
    public GctlsShell shellFor(LaunchOptions options) {
        List<String> words = options.commandWords();
        if (options.interactive() || options.scriptFile().isPresent() || words.isEmpty()
                || WHOLE_SHELL_BUILTINS.contains(words.get(0))) {
            return shell();
        }
        List<CommandEntry> named = catalog().stream()
                .filter(entry -> entry.words().size() <= words.size()
                        && entry.words().equals(words.subList(0, entry.words().size())))
                .toList();
        GctlsShell narrow = newShell(named);
        return narrow.parses(words) ? narrow : shell();
    }

    /** Built-ins that list or run other commands: they need every command. */
    private static final java.util.Set<String> WHOLE_SHELL_BUILTINS = java.util.Set.of("help", "script", "history");

    /** A profile's {@code output} becomes the session's format unless --output was given; no config file, no cost. */
    SessionSettings profileDefaults(SessionSettings settings) {
        if (settings.formatGiven() || !Files.isRegularFile(dirs.configFile())) {
            return settings;
        }
        ProfileStore store = profiles();
        Optional<String> name = settings.profile().or(() -> environment.get(ConnectionResolver.PROFILE))
                .or(store::defaultName);
        return name.flatMap(store::find).flatMap(Profile::output).map(OutputFormat::parse)
                .map(settings::withDefaultFormat).orElse(settings);
    }

    public GctlsShell shell() {
        return shell.get();
    }

    public Clock clock() {
        return clock;
    }

    public Environment environment() {
        return environment;
    }

    public XdgDirs dirs() {
        return dirs;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** The process's one Vert.x runtime, created by this call if no command needed it yet. */
    public ApiRuntime apiRuntime() {
        return apiRuntime.get();
    }

    public ProfileStore profiles() {
        return profiles.get();
    }

    public ConnectionResolver connectionResolver() {
        return connectionResolver.get();
    }

    public ApiSession apiSession() {
        return apiSession.get();
    }

    public CertInspector certInspector() {
        return certInspector.get();
    }

    public PayloadFactory payloads() {
        return payloads.get();
    }

    public ApiAccess apiAccess() {
        return apiAccess.get();
    }

    public Rotations rotations() {
        return rotations.get();
    }

    public SandboxControl sandbox() {
        return sandbox.get();
    }

    /** Stops the sandbox if one runs, then Vert.x if anything started it. */
    @Override
    public void close() {
        sandbox.ifBuilt(SandboxControl::stop);
        apiRuntime.ifBuilt(ApiRuntime::close);
    }

    /** The version in the jar's manifest; {@code dev} when run from classes (tests, the IDE). */
    public static String version() {
        String version = Components.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The services a test (or an embedding program) may replace; what is left unset is the product's own. */
    public static final class Overrides {
        private Clock clock;
        private Environment environment;
        private XdgDirs dirs;
        private Function<Clock, ApiRuntime> apiRuntime;

        public Overrides clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Overrides environment(Environment value) {
            this.environment = value;
            return this;
        }

        public Overrides dirs(XdgDirs value) {
            this.dirs = value;
            return this;
        }

        /** How the API runtime is made from the clock, on first use (tests: a waiter that records instead of sleeping). */
        public Overrides apiRuntime(Function<Clock, ApiRuntime> value) {
            this.apiRuntime = value;
            return this;
        }
    }

    /** Built on first {@link #get()}, once, whichever thread asks first. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }

        synchronized void ifBuilt(java.util.function.Consumer<T> action) {
            if (value != null) {
                action.accept(value);
            }
        }
    }
}
