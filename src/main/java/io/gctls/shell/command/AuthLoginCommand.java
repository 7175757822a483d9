package io.gctls.shell.command;

import io.gctls.auth.ApiSession;
import io.gctls.auth.AuthStatus;
import io.gctls.auth.Connection;
import io.gctls.auth.ConnectionRequest;
import io.gctls.auth.Token;
import io.gctls.auth.WhoAmI;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import java.time.Clock;
import java.util.List;

/** {@code auth login}: a client-credentials login; the session keeps and refreshes the token. */
public class AuthLoginCommand extends GctlsCommand {

    private static final List<String> TARGET_OPTIONS = List.of("region", "api-url", "login-url", "client-id",
            "client-secret-file", "client-secret", "profile");

    private final ApiAccess access;
    private final Clock clock;
    private final SandboxControl sandbox;

    public AuthLoginCommand(ApiAccess access, Clock clock, SandboxControl sandbox) {
        super("auth login", "Session", "Log in with OAuth client credentials (flags beat environment beat profile)",
                List.of("auth login --region eu-west-1 --client-id 7de3af06-... --client-secret-file ~/.gc-secret",
                        "GENESYSCLOUD_REGION=eu-west-1 GENESYSCLOUD_OAUTHCLIENT_ID=... "
                                + "GENESYSCLOUD_OAUTHCLIENT_SECRET=... gctls auth login",
                        "auth login --profile prod"),
                OptionSpec.value("region", "REGION", "region (eu-west-1) or domain (mypurecloud.ie)"),
                OptionSpec.value("api-url", "URL", "API base URL, e.g. https://api.mypurecloud.ie"),
                OptionSpec.value("login-url", "URL", "login URL (default: derived from the API URL)"),
                OptionSpec.value("client-id", "ID", "OAuth client id"),
                OptionSpec.file("client-secret-file", "file holding the client secret (must be 0600)"),
                OptionSpec.value("client-secret", "SECRET", "the client secret itself (prefer a file or the "
                        + "environment; never kept in history)").sensitive(),
                OptionSpec.value("profile", "NAME", "profile from config.toml"));
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
        Token token = session.loginNow(candidate, invocation.cancellation(), invocation.out()::note);
        ApiSession.Connected connected = session.activate(candidate);
        WhoAmI who = WhoAmI.fetch(connected.client(), invocation.cancellation(), invocation.out()::note);
        AuthStatus status = AuthStatus.of(connection, token, who, clock.instant());
        return Outcome.of(status, AuthStatusCommand::render);
    }

    /**
     * Where to log in: what the flags say; without flags, again where the session already is, or the
     * session's sandbox; else the environment and the profile.
     */
    private Connection target(Invocation invocation, ApiSession session) {
        boolean flags = TARGET_OPTIONS.stream().anyMatch(invocation::has);
        if (!flags && session.active().isPresent()) {
            return session.active().get().connection();
        }
        ConnectionRequest request = new ConnectionRequest(
                invocation.string("profile").or(() -> session.selectedProfile()).or(() -> invocation.session()
                        .profile()),
                invocation.string("region"), invocation.string("api-url"), invocation.string("login-url"),
                invocation.string("client-id"), invocation.string("client-secret"),
                invocation.path("client-secret-file"));
        if (!flags && !session.resolver().hasTarget(request) && sandbox.running().isPresent()) {
            return SandboxControl.connection(sandbox.running().get());
        }
        return session.resolver().resolve(request, invocation.session().tokenCache());
    }
}
