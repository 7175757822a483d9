package io.gctls;

import io.gctls.core.DebugLogging;
import io.gctls.core.GctlsException;
import io.gctls.shell.Components;
import io.gctls.shell.LaunchOptions;

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
        if (options.settings().debug()) {
            DebugLogging.enable();
        }
        try (Components components = Components.create()) {
            return components.shell().launch(options);
        }
    }
}
