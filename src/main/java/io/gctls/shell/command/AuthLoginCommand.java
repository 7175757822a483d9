package io.gctls.shell.command;

import io.gctls.auth.ApiSession;
import io.gctls.auth.AuthStatus;
import io.gctls.auth.Connection;
import io.gctls.auth.LastLogin;
import io.gctls.auth.ConnectionRequest;
import io.gctls.auth.Token;
import io.gctls.auth.WhoAmI;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.ConnectionOptions;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import java.time.Clock;
import java.util.List;

/** {@code auth login}: a client-credentials login; the session keeps and refreshes the token. */
public class AuthLoginCommand extends GctlsCommand {

    private final ApiAccess access;
    private final Clock clock;
    private final SandboxControl sandbox;

    public AuthLoginCommand(ApiAccess access, Clock clock, SandboxControl sandbox) {
        super("auth login", "Session", "Log in with OAuth client credentials (flags beat environment beat profile)",
                List.of("auth login --region eu-west-1 --client-id 7de3af06-... --client-secret-file ~/.gc-secret",
                        "GENESYSCLOUD_REGION=eu-west-1 GENESYSCLOUD_OAUTHCLIENT_ID=... "
                                + "GENESYSCLOUD_OAUTHCLIENT_SECRET=... gctls auth login",
                        "auth login --profile prod"),
                ConnectionOptions.with());
        this.access = access;
        this.clock = clock;
        this.sandbox = sandbox;
    }

    @Override
    public Outcome run(Invocation invocation) {
        ApiSession session = access.session();
        Connection connection = target(invocation, session);
        if (!connection.credentials().hasSecret()) {
            connection = connection.withCredentials(ApiSession.askSecret(connection, invocation.prompter()));
        }
        // tried before it replaces the session's connection: a mistyped secret must not end a working session
        ApiSession.Connected candidate = session.prepare(connection);
        Token token = session.loginNow(candidate, invocation.cancellation(), invocation.progress());
        ApiSession.Connected connected = session.activate(candidate);
        if (!connection.sandbox()) {
            // the next one-shot run goes back here without the flags (a sandbox's port dies with it)
            session.resolver().rememberLogin(LastLogin.of(connection, invocation.optional(
                    ConnectionOptions.CLIENT_SECRET_FILE)));
        }
        WhoAmI who = WhoAmI.fetch(connected.client(), invocation.cancellation(), invocation.progress());
        AuthStatus status = AuthStatus.of(connection, token, who, clock.instant());
        return Outcome.of(status, AuthStatusCommand::render);
    }

    /**
     * Where to log in: what the flags say; without flags, again where the session already is, or the
     * session's sandbox; else the environment and the profile.
     */
    private Connection target(Invocation invocation, ApiSession session) {
        boolean flags = ConnectionOptions.given(invocation);
        if (!flags && session.active().isPresent()) {
            return session.active().get().connection();
        }
        ConnectionRequest request = ConnectionOptions.request(invocation).withProfile(invocation.optional(
                ConnectionOptions.PROFILE).or(session::selectedProfile).or(() -> invocation.session().profile()));
        if (!flags && !session.resolver().hasTarget(request) && sandbox.running().isPresent()) {
            return SandboxControl.connection(sandbox.running().get());
        }
        return session.resolver().resolve(request, invocation.session().tokenCache());
    }
}
