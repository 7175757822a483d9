package io.gctls.api;

import io.gctls.core.Cancellation;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The API of one connection: its base URL, its bearer tokens and its rate-limit pacer, over the
 * process's shared executor. {@link #send} is non-blocking; {@link #call} is what commands use:
 * it waits on the command thread, cancellable with Ctrl-C and bounded by a deadline.
 */
public final class ApiClient {

    private final RequestExecutor executor;
    private final RequestExecutor.Target target;

    public ApiClient(RequestExecutor executor, String baseUrl, TokenSource tokens) {
        this.executor = executor;
        this.target = new RequestExecutor.Target(stripSlash(baseUrl), tokens,
                new RateLimitPacer(executor.settings().paceThreshold()));
    }

    public String baseUrl() {
        return target.baseUrl();
    }

    public RequestExecutor executor() {
        return executor;
    }

    /** A pause between steps of a larger operation (a deploy's reconcile), cancellable like any wait. */
    public void pause(Duration duration, Cancellation cancellation) {
        Await.result(executor.waiter().waitFor(duration, cancellation), cancellation, duration.plusSeconds(5),
                "wait");
    }

    public Future<ApiResponse> send(ApiRequest request, Cancellation cancellation, Consumer<String> progress) {
        return executor.execute(target, request, cancellation, progress);
    }

    public ApiResponse call(ApiRequest request, Cancellation cancellation, Consumer<String> progress) {
        return Await.result(send(request, cancellation, progress), cancellation, deadline(), request.describe());
    }

    /** Longest a command waits for one request: every retry the settings allow, plus one timeout. */
    public Duration deadline() {
        RetrySettings s = executor.settings();
        return s.maxTotal().plus(s.requestTimeout()).plus(s.connectTimeout()).plusSeconds(5);
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
