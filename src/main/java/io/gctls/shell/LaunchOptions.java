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
                    + "  --no-color",
            "connection options, before or after an API command: --region  --api-url  --login-url  --client-id"
                    + "  --client-secret-file");

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
        List<String> connection = new ArrayList<>();
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
                        profile = Optional.of(arg.substring("--profile=".length())).filter(p -> !p.isBlank())
                                .or(() -> {
                                    throw GctlsException.usage("--profile was given an empty value; give a NAME or "
                                            + "leave the option out");
                                });
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
                    } else if (beforeCommand && script.isEmpty() && isConnectionOption(arg)) {
                        // gctls --region eu-west-1 domains list: where to connect, given before the command
                        connection.add(arg);
                        if (!arg.contains("=")) {
                            connection.add(valueAfter(args, i++, arg));
                        }
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
        if (!connection.isEmpty()) {
            if (command.isEmpty()) {
                throw GctlsException.usage(connection.get(0).replaceFirst("=.*", "") + " goes with a command (gctls "
                        + "--region eu-west-1 domains list); for a prompt or a command file, log in with: auth login "
                        + "--region ...");
            }
            command.addAll(connection);
        }
        SessionSettings settings = new SessionSettings(format, debug, strict, !noColour, sandbox, profile,
                tokenCache, formatGiven);
        return new LaunchOptions(settings, List.copyOf(command), script, usage);
    }

    private static String valueAfter(String[] args, int i, String option) {
        if (i + 1 >= args.length) {
            throw GctlsException.usage(option + " needs a value");
        }
        if (args[i + 1].isBlank()) {
            throw GctlsException.usage(option + " was given an empty value; give a value or leave the option out");
        }
        return args[i + 1];
    }

    private static boolean isConnectionOption(String arg) {
        String name = arg.startsWith("--") ? arg.substring(2).replaceFirst("=.*", "") : "";
        return !name.equals("profile") && ConnectionOptions.NAMES.contains(name);
    }
}
