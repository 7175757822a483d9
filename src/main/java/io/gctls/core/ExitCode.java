package io.gctls.core;

/**
 * The process exit codes of docs/exit-codes.md. One-shot runs and command files end with one of these; the
 * interactive prompt shows the same classification in its error lines.
 */
public enum ExitCode {
    OK(0),
    /** Only with {@code --strict}: the command succeeded but raised warnings. */
    WARNINGS(1),
    /** The command line itself is wrong: unknown command or option, bad option value. */
    USAGE(2),
    /** Input refused: a certificate verdict of error, an unreadable or wrong-kind file. */
    INPUT(3),
    /** Authentication or permission failure (401/403, bad client credentials). */
    AUTH(4),
    /** The API refused the request (any other 4xx). */
    API_REFUSED(5),
    /** The API is unavailable: 5xx, network, open circuit, retries exhausted. */
    UNAVAILABLE(6),
    /** Not in docs/exit-codes.md's table (its last paragraph): an unexpected failure inside gctls itself (EX_SOFTWARE). */
    INTERNAL(70),
    /** Cancelled by Ctrl-C. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isSuccess() {
        return this == OK;
    }

    /**
     * The worse of two outcomes, so that a run of several steps reports its worst one: the higher
     * code (0 ok, 1 warnings, then usage, input, auth, refused, unavailable, internal, interrupted),
     * whichever order they come in.
     */
    public ExitCode worst(ExitCode other) {
        return other.code > code ? other : this;
    }}
