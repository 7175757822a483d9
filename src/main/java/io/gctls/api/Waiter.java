package io.gctls.api;

import io.gctls.core.Cancellation;
import io.gctls.core.GctlsException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Waits without blocking a thread: a Vert.x timer in the product, an instant fake that records
 * the waits in tests (so backoff and Retry-After are asserted on a clock, never on wall time).
 * A wait ends early, failed, when the user presses Ctrl-C.
 */
@FunctionalInterface
public interface Waiter {

    Future<Void> waitFor(Duration duration, Cancellation cancellation);

    static Waiter vertx(Vertx vertx) {
        return (duration, cancellation) -> {
            if (duration.isZero() || duration.isNegative()) {
                return Future.succeededFuture();
            }
            Promise<Void> promise = Promise.promise();
            long timer = vertx.setTimer(Math.max(1, duration.toMillis()), id -> promise.tryComplete());
            Cancellation.Registration registration = cancellation.onCancel(() -> {
                vertx.cancelTimer(timer);
                promise.tryFail(GctlsException.interrupted("wait"));
            });
            return promise.future().onComplete(done -> registration.close());
        };
    }
}
