package io.gctls.testing;

import io.gctls.api.HttpTransport;
import io.gctls.api.RawRequest;
import io.gctls.api.RawResponse;
import io.gctls.api.TransportFailure;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A transport that answers from a script, and remembers every request it was sent. */
public final class ScriptedTransport implements HttpTransport {

    private final Deque<Object> script = new ArrayDeque<>();
    private final List<RawRequest> sent = new ArrayList<>();
    private Object fallback;

    public ScriptedTransport answer(int status, String body, Map<String, String> headers) {
        script.add(RawResponse.of(status, body, headers));
        return this;
    }

    public ScriptedTransport answer(int status, String body) {
        return answer(status, body, Map.of());
    }

    public ScriptedTransport fail(TransportFailure.Kind kind) {
        script.add(new TransportFailure(kind, "scripted " + kind, null));
        return this;
    }

    /** The next request gets an answer only when the test completes the returned promise. */
    public Promise<RawResponse> answerLater() {
        Promise<RawResponse> promise = Promise.promise();
        script.add(promise);
        return promise;
    }

    public ScriptedTransport thenAlways(int status, String body) {
        fallback = RawResponse.of(status, body, Map.of());
        return this;
    }

    @Override
    public synchronized Future<RawResponse> send(RawRequest request) {
        sent.add(request);
        Object next = script.isEmpty() ? fallback : script.poll();
        if (next == null) {
            throw new AssertionError("unscripted request " + request);
        }
        if (next instanceof Promise<?> later) {
            @SuppressWarnings("unchecked")
            Promise<RawResponse> typed = (Promise<RawResponse>) later;
            return typed.future();
        }
        return next instanceof RawResponse response ? Future.succeededFuture(response)
                : Future.failedFuture((Throwable) next);
    }

    public synchronized List<RawRequest> sent() {
        return List.copyOf(sent);
    }
}
