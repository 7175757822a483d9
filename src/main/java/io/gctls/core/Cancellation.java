package io.gctls.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancellation signal for one command run. The shell fires it on Ctrl-C; long-running work
 * (an HTTP call in flight, a backoff wait, an audit tail) registers a callback or polls it.
 */
public final class Cancellation {

    private static final Cancellation NEVER = new Cancellation();

    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    /** A token nobody will ever cancel, for tests and non-interactive helpers. */
    public static Cancellation never() {
        return NEVER;
    }

    public static Cancellation create() {
        return new Cancellation();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        if (this == NEVER || cancelled) {
            return;
        }
        cancelled = true;
        callbacks.forEach(Cancellation::runQuietly);
    }

    /**
     * Registers a callback run once on cancel (at once if already cancelled). Returns a handle that
     * unregisters it, so that finished work does not accumulate callbacks across a long session.
     */
    public Registration onCancel(Runnable callback) {
        if (this == NEVER) {
            return () -> { };
        }
        callbacks.add(callback);
        if (cancelled) {
            runQuietly(callback);
        }
        return () -> callbacks.remove(callback);
    }

    /** Throws the standard "cancelled" failure if the user pressed Ctrl-C. */
    public void throwIfCancelled(String what) {
        if (cancelled) {
            throw GctlsException.interrupted(what);
        }
    }

    private static void runQuietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException ignored) {
            // a failing cancel hook must not stop the others from running
        }
    }

    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
