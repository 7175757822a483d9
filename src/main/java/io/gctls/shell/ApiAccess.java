package io.gctls.shell;

import io.gctls.auth.ApiSession;
import io.gctls.auth.ConnectionRequest;
import io.gctls.deploy.CustomDomains;
import java.util.function.Supplier;

/**
 * How commands reach the API: the connection a command's own options name, else the session's,
 * resolved from the launch's {@code --profile} and {@code --no-token-cache}, the environment and
 * the profile on first use.
 */
public class ApiAccess {

    private final Supplier<ApiSession> session;
    private final Supplier<SandboxControl> sandbox;
    private final Supplier<CompletionCache> completions;

    public ApiAccess(ApiSession session) {
        this(() -> session);
    }

    /** The session is made on first use: commands that never call the API never build it. */
    public ApiAccess(Supplier<ApiSession> session) {
        this(session, () -> null, () -> null);
    }

    /**
     * With the session's sandbox, so that a stopped one is said to be stopped, not retried; and the
     * cache Tab completes domains from, which commands fill with what they see.
     */
    public ApiAccess(Supplier<ApiSession> session, Supplier<SandboxControl> sandbox,
            Supplier<CompletionCache> completions) {
        this.session = session;
        this.sandbox = sandbox;
        this.completions = completions;
    }

    /** Remembers deployed domains the command saw, for Tab (never waits on anything but a small file). */
    public void sawDomains(java.util.List<io.gctls.deploy.CustomDomain> domains) {
        CompletionCache cache = completions.get();
        if (cache != null && !domains.isEmpty()) {
            cache.remember(domains.stream().map(d -> new CompletionCache.Entry(d.id(), d.domain())).toList());
        }
    }

    /** Remembers one deployed domain (a deploy's result), for Tab. */
    public void sawDomain(String id, String name) {
        CompletionCache cache = completions.get();
        if (cache != null) {
            cache.rememberDomain(id, name);
        }
    }

    public ApiSession session() {
        return session.get();
    }

    /**
     * The connection for this command: the one its own connection options name, else the session's
     * (resolved from the environment and the profile on first use).
     */
    public ApiSession.Connected connected(Invocation invocation) {
        ConnectionRequest request = request(invocation);
        boolean cache = invocation.session().tokenCache();
        boolean own = ConnectionOptions.given(invocation);
        SandboxControl sandboxes = sandbox.get();
        if (sandboxes != null && !own && session().active().isEmpty() && sandboxes.wasStopped()
                && !session().resolver().hasTarget(request)) {
            throw sandboxes.stopped();
        }
        ApiSession.Connected connected = own ? session().forCommand(request, invocation.prompter(), cache)
                : session().current(request, invocation.prompter(), cache);
        if (sandboxes != null) {
            sandboxes.refuseIfStopped(connected.client().baseUrl());
        }
        return connected;
    }

    /** The custom-domain endpoints on a connection, the command's progress listener hearing their waits. */
    public CustomDomains customDomains(ApiSession.Connected connected, Invocation invocation) {
        return new CustomDomains(connected.client(), connected.connection().paths().customDomains(),
                invocation.progress());
    }

    /** What the command line says about the connection (see {@link ConnectionOptions}). */
    public static ConnectionRequest request(Invocation invocation) {
        return ConnectionOptions.request(invocation);
    }
}
