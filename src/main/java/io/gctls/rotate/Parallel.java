package io.gctls.rotate;

import io.gctls.core.Cancellation;
import io.gctls.core.DaemonThreads;
import io.gctls.core.ExitCode;
import io.gctls.core.Failures;
import io.gctls.core.GctlsException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The fan-out a rotation's plan (one inspection per bundle) and the fleet's status (one handshake
 * per domain) share: one piece of work per item on a few daemon threads, the results in the items'
 * order. Ctrl-C cancels what runs and what waits, so the caller ends at once with exit 130; a
 * {@link GctlsException} from the work is passed on as it is, anything else is an internal error
 * said in words.
 */
final class Parallel {

    private Parallel() {
    }

    /**
     * @param threads at most this many at once (never more than there are items)
     * @param name the threads' name, numbered
     * @param what what the work is, for messages ("inspecting the bundles")
     */
    static <T, R> List<R> map(List<T> items, int threads, String name, String what, Function<T, R> work,
            Cancellation cancellation) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())),
                DaemonThreads.named(name));
        List<Future<R>> futures = new CopyOnWriteArrayList<>();
        try (Cancellation.Registration stop = cancellation.onCancel(() -> {
            // a task the pool never started is never done: cancel every future so no get() waits on one
            futures.forEach(future -> future.cancel(true));
            pool.shutdownNow();
        })) {
            for (T item : items) {
                if (cancellation.isCancelled()) {
                    throw GctlsException.interrupted(what);
                }
                try {
                    futures.add(pool.submit(() -> work.apply(item)));
                } catch (RejectedExecutionException e) {
                    // Ctrl-C shut the pool down while the items were still being handed to it
                    throw GctlsException.interrupted(what);
                }
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GctlsException.interrupted(what);
        } catch (CancellationException e) {
            throw GctlsException.interrupted(what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GctlsException known) {
                throw known;
            }
            throw new GctlsException(ExitCode.INTERNAL, what + " failed: " + Failures.inWords(e.getCause()),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
