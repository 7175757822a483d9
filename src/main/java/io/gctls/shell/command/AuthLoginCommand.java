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
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code auth login}: a client-credentials login; the session keeps and refreshes the token. */
@Component
public class AuthLoginCommand extends GctlsCommand {

    private final ApiAccess access;
    private final Clock clock;

    public AuthLoginCommand(ApiAccess access, Clock clock) {
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
    }

    @Override
    public Outcome run(Invocation invocation) {
        ApiSession session = access.session();
        ConnectionRequest request = new ConnectionRequest(
                invocation.string("profile").or(() -> session.selectedProfile()).or(() -> invocation.session()
                        .profile()),
                invocation.string("region"), invocation.string("api-url"), invocation.string("login-url"),
                invocation.string("client-id"), invocation.string("client-secret"),
                invocation.path("client-secret-file"));
        Connection connection = session.resolver().resolve(request, invocation.session().tokenCache());
        if (!connection.credentials().hasSecret()) {
            connection = connection.withCredentials(ApiSession.askSecret(connection, invocation.prompter()));
        }
        ApiSession.Connected connected = session.connect(connection);
        Token token = session.loginNow(connected, invocation.cancellation());
        WhoAmI who = WhoAmI.fetch(connected.client(), invocation.cancellation(), invocation.out()::note);
        AuthStatus status = AuthStatus.of(connection, token, who, clock.instant());
        return Outcome.of(status, AuthStatusCommand::render);
    }
}
