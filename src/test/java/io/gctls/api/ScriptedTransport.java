package io.gctls.api;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A transport that answers from a script, and remembers every request it was sent. */
final class ScriptedTransport implements HttpTransport {

    private final Deque<Object> script = new ArrayDeque<>();
    private final List<RawRequest> sent = new ArrayList<>();
    private Object fallback;

    ScriptedTransport answer(int status, String body, Map<String, String> headers) {
        script.add(RawResponse.of(status, body, headers));
        return this;
    }

    ScriptedTransport answer(int status, String body) {
        return answer(status, body, Map.of());
    }

    ScriptedTransport fail(TransportFailure.Kind kind) {
        script.add(new TransportFailure(kind, "scripted " + kind, null));
        return this;
    }

    ScriptedTransport thenAlways(int status, String body) {
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
        return next instanceof RawResponse response ? Future.succeededFuture(response)
                : Future.failedFuture((Throwable) next);
    }

    synchronized List<RawRequest> sent() {
        return List.copyOf(sent);
    }
}
