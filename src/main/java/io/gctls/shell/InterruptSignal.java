package io.gctls.shell;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C in a one-shot or command-file run. The JVM's default would end the process at once, so a
 * create in flight would end without a word about whether it reached the server. While installed,
 * the first SIGINT cancels the command instead (it reports and exits 130, as at the prompt, where
 * JLine delivers the signal); a second one ends the process with 130, for a command that does not
 * stop.
 */
final class InterruptSignal implements AutoCloseable {

    private static final int INTERRUPTED = 130;

    private final Signal signal;
    private final SignalHandler previous;

    private InterruptSignal(Signal signal, SignalHandler previous) {
        this.signal = signal;
        this.previous = previous;
    }

    /** Routes SIGINT to {@code cancel} until closed; without SIGINT handling (e.g. {@code -Xrs}) nothing changes. */
    static InterruptSignal install(Runnable cancel) {
        AtomicInteger presses = new AtomicInteger();
        try {
            Signal interrupt = new Signal("INT");
            SignalHandler previous = Signal.handle(interrupt, s -> {
                if (presses.getAndIncrement() == 0) {
                    cancel.run();
                } else {
                    System.exit(INTERRUPTED);
                }
            });
            return new InterruptSignal(interrupt, previous);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            return new InterruptSignal(null, null);
        }
    }

    @Override
    public void close() {
        if (signal != null) {
            Signal.handle(signal, previous);
        }
    }
}
