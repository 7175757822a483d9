package io.gctls.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that never keep the JVM alive: a one-shot run ends when its command does, whatever pool,
 * timer or lock waiter is still around (Vert.x's threads are closed explicitly instead).
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Daemon threads named {@code name}, {@code name-2}, {@code name-3}, ... in the order they are made. */
    public static ThreadFactory named(String name) {
        AtomicInteger made = new AtomicInteger();
        return runnable -> {
            int n = made.incrementAndGet();
            Thread thread = new Thread(runnable, n == 1 ? name : name + "-" + n);
            thread.setDaemon(true);
            return thread;
        };
    }
}
