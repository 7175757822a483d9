package io.gctls.shell;

import io.gctls.core.GctlsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The process arguments: session flags, then an optional command ({@code cert inspect ...}) or
 * a command file ({@code @rotate.gctls}). No command and no file opens the prompt.
 *
 * <p>Session flags may stand before the command; {@code --sandbox}, {@code --profile},
 * {@code --no-token-cache} and {@code --no-color} are also taken from anywhere on the line,
 * because they describe the session rather than the command.
 */
public record LaunchOptions(SessionSettings settings, List<String> commandWords, Optional<String> scriptFile,
        boolean usage) {

    /** How gctls is started; {@code gctls --help} prints it above the list of commands. */
    public static final String USAGE = String.join("\n",
            "usage: gctls [SESSION OPTIONS]                      open the prompt",
            "       gctls [SESSION OPTIONS] COMMAND [OPTIONS]    run one command; its exit code is gctls's",
            "       gctls [SESSION OPTIONS] @FILE                run a command file, stopping at the first failure",
            "       gctls --help | --version",
            "session options: --sandbox  --profile NAME  --output text|json  --debug  --strict  --no-token-cache"
                    + "  --no-color");

    public LaunchOptions(SessionSettings settings, List<String> commandWords, Optional<String> scriptFile) {
        this(settings, commandWords, scriptFile, false);
    }

    public boolean interactive() {
        return commandWords.isEmpty() && scriptFile.isEmpty();
    }

    public static LaunchOptions parse(String... args) {
        SessionSettings defaults = SessionSettings.defaults();
        OutputFormat format = defaults.format();
        boolean debug = false;
        boolean strict = false;
        boolean sandbox = false;
        boolean tokenCache = true;
        boolean noColour = false;
        boolean formatGiven = false;
        Optional<String> profile = Optional.empty();
        Optional<String> script = Optional.empty();
        List<String> command = new ArrayList<>();
        boolean usage = false;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean beforeCommand = command.isEmpty();
            switch (arg) {
                case "--sandbox" -> sandbox = true;
                case "--no-token-cache" -> tokenCache = false;
                case "--no-color", "--no-colour" -> noColour = true;
                case "--profile" -> profile = Optional.of(valueAfter(args, i++, arg));
                default -> {
                    if (arg.startsWith("--profile=")) {
                        profile = Optional.of(arg.substring("--profile=".length()));
                    } else if (beforeCommand && script.isEmpty() && (arg.equals("--help") || arg.equals("-h"))) {
                        // what every CLI answers: the usage, then the commands (as 'help' lists them)
                        usage = true;
                        command.add("help");
                    } else if (beforeCommand && script.isEmpty() && (arg.equals("--version") || arg.equals("-V"))) {
                        command.add("version");
                    } else if (beforeCommand && arg.equals("--debug")) {
                        debug = true;
                    } else if (beforeCommand && arg.equals("--strict")) {
                        strict = true;
                    } else if (beforeCommand && arg.equals("--output")) {
                        format = OutputFormat.parse(valueAfter(args, i++, arg));
                        formatGiven = true;
                    } else if (beforeCommand && arg.startsWith("--output=")) {
                        format = OutputFormat.parse(arg.substring("--output=".length()));
                        formatGiven = true;
                    } else if (beforeCommand && script.isEmpty() && arg.startsWith("@") && arg.length() > 1) {
                        script = Optional.of(arg.substring(1));
                    } else if (script.isPresent()) {
                        throw GctlsException.usage("nothing may follow a command file (" + arg + ")");
                    } else {
                        command.add(arg);
                    }
                }
            }
        }
        SessionSettings settings = new SessionSettings(format, debug, strict, !noColour, sandbox, profile,
                tokenCache, formatGiven);
        return new LaunchOptions(settings, List.copyOf(command), script, usage);
    }

    private static String valueAfter(String[] args, int i, String option) {
        if (i + 1 >= args.length) {
            throw GctlsException.usage(option + " needs a value");
        }
        return args[i + 1];
    }
}
