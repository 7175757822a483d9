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
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (GctlsException e) {
            System.err.println("error: " + e.getMessage());
            return e.exitCode().code();
        }
        if (!answersAtOnce(options)) {
            ClassPathPrefetch.start(System.getProperty("java.class.path"));
            if (printsJson(options)) {
                JsonWarmup.start();
            }
        }
        if (options.settings().debug()) {
            DebugLogging.enable();
        }
        try (Components components = Components.create()) {
            return components.shellFor(options).launch(options);
        }
    }

    /** A one-shot command asked for JSON (at launch or among its own options). */
    private static boolean printsJson(LaunchOptions options) {
        return !options.interactive() && options.scriptFile().isEmpty()
                && (options.settings().format() == OutputFormat.JSON
                        || OutputFormat.askedFor(options.commandWords()).orElse(null) == OutputFormat.JSON);
    }

    /** Built-ins that touch no service lookup: the prefetch would only compete for a core. */
    private static boolean answersAtOnce(LaunchOptions options) {
        List<String> words = options.commandWords();
        return !words.isEmpty() && (words.get(0).equals("version") || words.get(0).equals("help"));
    }
}
