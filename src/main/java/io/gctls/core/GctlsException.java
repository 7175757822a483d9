package io.gctls.core;

/**
 * The one exception type that reaches the user. Its message is a single line the user can act on
 * (what failed, on which file or request, and why) and must never carry a secret; the exit code
 * says which class of failure it is. The shell prints the message, and the stack trace only with
 * {@code --debug}.
 */
public class GctlsException extends RuntimeException {

    private final ExitCode exitCode;

    public GctlsException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public GctlsException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static GctlsException usage(String message) {
        return new GctlsException(ExitCode.USAGE, message);
    }

    public static GctlsException input(String message) {
        return new GctlsException(ExitCode.INPUT, message);
    }

    public static GctlsException input(String message, Throwable cause) {
        return new GctlsException(ExitCode.INPUT, message, cause);
    }

    public static GctlsException interrupted(String what) {
        return new GctlsException(ExitCode.INTERRUPTED, what + " cancelled");
    }
}
