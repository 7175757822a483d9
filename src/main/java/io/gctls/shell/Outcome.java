package io.gctls.shell;

import io.gctls.core.ExitCode;

/**
 * What a command produced: a result record, how to show it as text, and the exit code it
 * implies. The shell renders {@code result} as JSON with {@code --output json} and through
 * {@code textView} otherwise: one model, two views.
 */
public record Outcome(Object result, TextView<Object> textView, ExitCode exitCode) {

    /** Renders a result as human-readable text. */
    @FunctionalInterface
    public interface TextView<T> {
        void render(T result, Output out);
    }

    @SuppressWarnings("unchecked")
    public static <T> Outcome of(T result, TextView<? super T> view, ExitCode exitCode) {
        return new Outcome(result, (TextView<Object>) view, exitCode);
    }

    public static <T> Outcome of(T result, TextView<? super T> view) {
        return of(result, view, ExitCode.OK);
    }

    /** The command already wrote its output itself (streams, help); nothing more to render. */
    public static Outcome done(ExitCode exitCode) {
        return new Outcome(null, null, exitCode);
    }

    public static Outcome done() {
        return done(ExitCode.OK);
    }

    /**
     * The one mapping from a certificate verdict to an exit code: error is input refused (3),
     * warn is warnings (0, or 1 under --strict), ok is 0.
     */
    public static ExitCode exitCode(io.gctls.cert.Verdict verdict) {
        return switch (verdict) {
            case ERROR -> ExitCode.INPUT;
            case WARN -> ExitCode.WARNINGS;
            case OK -> ExitCode.OK;
        };
    }
}
