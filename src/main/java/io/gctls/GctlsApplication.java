package io.gctls;

import io.gctls.core.DebugLogging;
import io.gctls.core.GctlsException;
import io.gctls.shell.Components;
import io.gctls.shell.LaunchOptions;
import io.gctls.shell.OutputFormat;
import java.util.List;

/**
 * gctls: an interactive shell for Genesys Cloud custom-domain TLS certificates.
 *
 * <p>No application framework starts here: {@link Components} builds the services and commands
 * in plain Java, and the same objects serve a one-shot command, a command file and the prompt.
 */
public final class GctlsApplication {

    private GctlsApplication() {
    }

    public static void main(String[] args) {
        int code = run(args);
        // Vert.x threads are not daemons: exit explicitly once everything is closed
        System.exit(code);
    }

    public static int run(String[] args) {
        startHeadStarts(args);
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (GctlsException e) {
            System.err.println("error: " + e.getMessage());
            return e.exitCode().code();
        }
        if (options.settings().debug()) {
            DebugLogging.enable();
        }
        try (Components components = Components.create()) {
            return components.shellFor(options).launch(options);
        }
    }

    /**
     * Set by the launcher for the run that trains the start-up archive: every head start runs, so
     * that the archive holds their classes (a class missing from it is read from the jar, on
     * whichever thread needs it first).
     */
    static final String TRAINING = "gctls.training";

    /**
     * Starts the head starts (see {@link ClassPathPrefetch} and {@link JsonWarmup}) before anything
     * else, even before the arguments are parsed: parsing is the first code that links lambdas, tens
     * of milliseconds on the main thread that the other core can use. They are chosen from the raw
     * arguments; a wrong guess costs only work on the other core.
     */
    static void startHeadStarts(String[] args) {
        boolean training = Boolean.getBoolean(TRAINING);
        if (!training && answersAtOnce(args)) {
            return;
        }
        ClassPathPrefetch.start(System.getProperty("java.class.path"));
        if (training || OutputFormat.askedFor(List.of(args)).orElse(null) == OutputFormat.JSON && !streamsItsJson(args)) {
            JsonWarmup.start();
        }
    }

    /**
     * {@code cert inspect} writes its JSON with the streaming generator alone (see
     * {@link io.gctls.core.JsonWritable}): warming data binding up would only take the other core
     * from the command and the JIT compiler.
     */
    static boolean streamsItsJson(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("cert") && args[i + 1].equals("inspect")) {
                return true;
            }
        }
        return false;
    }

    /** Built-ins that touch no service lookup: a head start would only compete for a core. */
    static boolean answersAtOnce(String[] args) {
        return args.length > 0 && List.of("version", "--version", "-V", "help", "--help", "-h").contains(args[0]);
    }
}
