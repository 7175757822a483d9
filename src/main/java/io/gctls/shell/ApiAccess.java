package io.gctls.shell;

import io.gctls.auth.ApiSession;
import io.gctls.auth.ConnectionRequest;
import java.util.function.Supplier;

/**
 * How commands reach the API: the session's connection, resolved from the launch's
 * {@code --profile} and {@code --no-token-cache}, the environment and the profile on first use.
 */
public class ApiAccess {

    private final Supplier<ApiSession> session;

    public ApiAccess(ApiSession session) {
        this(() -> session);
    }

    /** The session is made on first use: commands that never call the API never build it. */
    public ApiAccess(Supplier<ApiSession> session) {
        this.session = session;
    }

    public ApiSession session() {
        return session.get();
    }

    public ApiSession.Connected connected(Invocation invocation) {
        return session().current(request(invocation), invocation.prompter(), invocation.session().tokenCache());
    }

    public static ConnectionRequest request(Invocation invocation) {
        return ConnectionRequest.none().withProfile(invocation.string("profile").or(() -> invocation.session()
                .profile()));
    }
}
