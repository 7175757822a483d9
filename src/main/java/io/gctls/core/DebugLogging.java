package io.gctls.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --debug}: gctls's own log lines at DEBUG (each request with its inin-correlation-id,
 * waits, retries), for the whole session or for one command. Library loggers stay quiet.
 */
public final class DebugLogging {

    private DebugLogging() {
    }

    /** Turns debug logging on and returns what puts the level back as it was. */
    public static Runnable enable() {
        if (!(LoggerFactory.getLogger("io.gctls") instanceof Logger logger)) {
            return () -> { };
        }
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        return () -> logger.setLevel(before);
    }
}
