package io.gctls.shell;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Prompter;
import io.gctls.core.XdgDirs;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jline.reader.History;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * gctls's runner. Spring Shell 4.0.1 provides the command model, registry, completion and
 * JLine wiring; gctls owns the loop because it must guarantee the exit codes of docs/exit-codes.md, strict option
 * parsing, command files with comments, Ctrl-C that cancels the command rather than the shell,
 * and history that never stores a secret.
 */
public class GctlsShell {

    private final CommandRegistry registry;
    private final CommandLineParser parser;
    private final Collection<GctlsCommand> commands;
    private final List<LaunchHook> launchHooks;
    private final XdgDirs dirs;
    /** Built when first needed: a one-shot command keeps no history and runs no file. */
    private SecretOptions secretOptions;
    private ScriptRunner scripts;

    private final java.util.function.Function<SessionSettings, SessionSettings> profileDefaults;
    /** Waits are counted down on stderr: only for a real process whose stderr is a terminal. */
    private volatile boolean statusLine;
    private volatile SessionSettings session = SessionSettings.defaults();
    private volatile Cancellation current = Cancellation.create();
    private volatile InteractiveShell interactive;
    private volatile boolean interrupted;

    public GctlsShell(Collection<GctlsCommand> commands, List<LaunchHook> launchHooks, XdgDirs dirs) {
        this(commands, launchHooks, dirs, settings -> settings);
    }

    /** @param profileDefaults applies the profile's defaults (its output format) to the launch settings */
    public GctlsShell(Collection<GctlsCommand> commands, List<LaunchHook> launchHooks, XdgDirs dirs,
            java.util.function.Function<SessionSettings, SessionSettings> profileDefaults) {
        this.profileDefaults = profileDefaults;
        this.registry = new CommandRegistry(new HashSet<>(commands));
        this.parser = new CommandLineParser(registry);
        this.commands = List.copyOf(commands);
        this.launchHooks = List.copyOf(launchHooks);
        this.dirs = dirs;
    }

    /** Runs what the process arguments ask for on the real stdin/stdout/stderr and returns the exit code. */
    public int launch(LaunchOptions options) {
        if (options.interactive()) {
            return interactive(options.settings(), System.in, System.out, true);
        }
        boolean colour = options.settings().colour() && System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        interrupted = false;
        statusLine = Terminals.isTerminal(Terminals.STDERR);
        try (InterruptSignal signal = InterruptSignal.install(this::interrupt)) {
            return launch(options, stdout(), stderr(), colour, TerminalPrompter.forProcess());
        }
    }

    /**
     * Ctrl-C in a one-shot or command-file run: the command in flight is cancelled, and so is every
     * command a file would still run (each fails at its first cancellation check).
     */
    void interrupt() {
        interrupted = true;
        cancelCurrent();
    }

    /** One-shot or command-file run on the given writers (the tests' entry point too); nobody is asked anything. */
    public int launch(LaunchOptions options, Writer out, Writer err, boolean colour) {
        return launch(options, out, err, colour, Prompter.none());
    }

    /**
     * @param oneShotPrompter who a single command may ask for a secret (the person at the terminal);
     *     a command file asks nobody
     */
    int launch(LaunchOptions options, Writer out, Writer err, boolean colour, Prompter oneShotPrompter) {
        this.session = withProfileDefaults(options.settings());
        Output output = new Output(out, err, session.format(), colour).withStatusLine(statusLine);
        ExitCode code = runLaunchHooks(output);
        if (code != ExitCode.OK) {
            return code.code();
        }
        boolean jsonAsked = OutputFormat.askedFor(options.commandWords()).map(f -> f == OutputFormat.JSON)
                .orElse(output.json());
        if (options.usage() && !jsonAsked) {
            output.println(LaunchOptions.USAGE);
            output.println("");
        }
        if (options.scriptFile().isPresent()) {
            code = runScript(Path.of(options.scriptFile().get()), output, Prompter.none());
        } else {
            code = runWords(options.commandWords(), output, oneShotPrompter);
        }
        output.flush();
        return code.code();
    }

    /** The prompt, on the given streams; {@code system} binds to the real terminal. */
    public int interactive(SessionSettings settings, InputStream in, OutputStream out, boolean system) {
        this.session = withProfileDefaults(settings);
        quietJLine();
        try (InteractiveShell shell = InteractiveShell.open(this, in, out, system, dirs.historyFile(),
                secretOptions())) {
            this.interactive = shell;
            ExitCode code = runLaunchHooks(shell.output());
            if (code != ExitCode.OK && code != ExitCode.WARNINGS) {
                shell.output().note("the session could not start; commands that need it will fail");
            }
            shell.loop();
            return ExitCode.OK.code();
        } finally {
            this.interactive = null;
        }
    }

    /** True when these words name a command of this shell with options it accepts; nothing is run or printed. */
    public boolean parses(List<String> words) {
        try {
            parser.parse(words);
            return true;
        } catch (GctlsException e) {
            return false;
        }
    }

    /** Runs one already-split command (one-shot mode: the OS did the word splitting). */
    public ExitCode runWords(List<String> words, Output output) {
        return runWords(words, output, Prompter.none());
    }

    private ExitCode runWords(List<String> words, Output output, Prompter prompter) {
        ParsedCommand parsed;
        try {
            parsed = parser.parse(words);
        } catch (GctlsException e) {
            Output asked = OutputFormat.askedFor(words).map(output::withFormat).orElse(output);
            return ErrorReporter.report(e, null, asked, session.debug());
        }
        return CommandRunner.runParsed(parsed.command(), parsed, output, prompter, newCancellation(), session);
    }

    /** Runs one command line with this session's settings. */
    public ExitCode execute(String line, Output output, Prompter prompter) {
        return CommandRunner.runLine(parser, line, output, prompter, newCancellation(), session);
    }

    public ExitCode runScript(Path file, Output output, Prompter prompter) {
        Supplier<Cancellation> cancellations = this::newCancellation;
        return scripts().run(file, output, prompter, cancellations, session);
    }

    /**
     * A broken config file must not stop commands that never read it (cert inspect): its error is
     * reported by the first command that needs a profile.
     */
    private SessionSettings withProfileDefaults(SessionSettings settings) {
        try {
            return profileDefaults.apply(settings);
        } catch (GctlsException e) {
            return settings;
        }
    }

    public SessionSettings session() {
        return session;
    }

    /** What Tab offers for values only the API knows (deployed domains, probed hosts). */
    CompletionCache completionCache() {
        return CompletionCache.in(dirs.cache());
    }

    /** True while a sandbox runs in this session (launched with --sandbox or started at the prompt). */
    boolean sandboxRunning() {
        return launchHooks.stream().anyMatch(hook -> hook instanceof SandboxControl control
                && control.running().isPresent());
    }

    CommandRegistry registry() {
        return registry;
    }

    CommandLineParser parser() {
        return parser;
    }

    public Collection<GctlsCommand> commands() {
        return commands;
    }

    /** The prompt's history, when a prompt is open. */
    public Optional<History> history() {
        InteractiveShell shell = interactive;
        return shell == null ? Optional.empty() : Optional.of(shell.history());
    }

    public Path historyFile() {
        return dirs.historyFile();
    }

    /** Cancels the command in flight (Ctrl-C). */
    public void cancelCurrent() {
        current.cancel();
    }

    String maskSecrets(String line) {
        return secretOptions().mask(line);
    }

    private synchronized SecretOptions secretOptions() {
        if (secretOptions == null) {
            secretOptions = new SecretOptions(commands);
        }
        return secretOptions;
    }

    private synchronized ScriptRunner scripts() {
        if (scripts == null) {
            scripts = new ScriptRunner(parser, secretOptions());
        }
        return scripts;
    }

    Cancellation newCancellation() {
        Cancellation fresh = Cancellation.create();
        current = fresh;
        if (interrupted) {
            fresh.cancel();
        }
        return fresh;
    }

    /** Hooks run at every launch; each must be idempotent (a running sandbox is left running). */
    private ExitCode runLaunchHooks(Output output) {
        for (LaunchHook hook : launchHooks) {
            try {
                hook.beforeFirstCommand(session, output);
            } catch (Exception e) {
                return ErrorReporter.report(e, null, output, session.debug());
            }
        }
        return ExitCode.OK;
    }

    /** Held so that the JDK's weakly referenced logger keeps its level. */
    private static java.util.logging.Logger jlineLogger;

    /**
     * JLine warns on stdout, through java.util.logging, when there is no TTY: that would corrupt
     * piped output. Only runs that open a JLine terminal pay for java.util.logging.
     */
    static synchronized void quietJLine() {
        if (jlineLogger == null) {
            jlineLogger = java.util.logging.Logger.getLogger("org.jline");
            jlineLogger.setLevel(java.util.logging.Level.OFF);
        }
    }

    private static Writer stdout() {
        return new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    }

    private static Writer stderr() {
        return new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    }
}
