package io.gctls.sandbox;

import java.time.Duration;

/**
 * How the sandbox holds back an answer for a {@code delay} fault: the request's thread sleeps in
 * the product; tests pass one that moves their clock instead, so a slow answer costs no wall time.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration);

    /** Sleeps the calling thread; an interrupt ends the sleep early and is kept on the thread. */
    static Sleeper thread() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
