package io.gctls.api;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.Failures;
import io.gctls.core.GctlsException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where a command thread waits for non-blocking work: until it completes, the user presses
 * Ctrl-C (the command ends at once with exit 130; the work is abandoned), or a deadline passes,
 * so the prompt never hangs. Never called on a Vert.x thread.
 */
public final class Await {

    private Await() {
    }

    public static <T> T result(Future<T> future, Cancellation cancellation, Duration deadline, String what) {
        CompletableFuture<T> done = future.toCompletionStage().toCompletableFuture();
        Cancellation.Registration registration = cancellation.onCancel(() -> done.completeExceptionally(
                GctlsException.interrupted(what)));
        try {
            return done.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause(), what);
        } catch (TimeoutException e) {
            throw new GctlsException(ExitCode.UNAVAILABLE, what + " did not finish within " + Waits.format(deadline)
                    + "; gave up waiting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GctlsException.interrupted(what);
        } finally {
            registration.close();
        }
    }

    private static RuntimeException unwrap(Throwable cause, String what) {
        Throwable t = cause;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof GctlsException known) {
            return known;
        }
        if (t instanceof TransportFailure transport) {
            return new GctlsException(ExitCode.UNAVAILABLE, transport.getMessage(), transport);
        }
        return new GctlsException(ExitCode.INTERNAL, what + " failed: " + Failures.inWords(t), t);
    }
}
