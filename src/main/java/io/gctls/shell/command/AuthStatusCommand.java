package io.gctls.shell.command;

import io.gctls.api.Waits;
import io.gctls.auth.ApiSession;
import io.gctls.auth.AuthStatus;
import io.gctls.auth.Token;
import io.gctls.auth.WhoAmI;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.ConnectionOptions;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** {@code auth status}: organisation, client, token expiry countdown and scopes of the session. */
public class AuthStatusCommand extends GctlsCommand {

    private final ApiAccess access;
    private final Clock clock;

    public AuthStatusCommand(ApiAccess access, Clock clock) {
        super("auth status", "Session", "Show the session: organisation, client, token expiry and scopes",
                List.of("auth status", "auth status --output json", "auth status --profile prod"),
                ConnectionOptions.with());
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Outcome run(Invocation invocation) {
        ApiSession session = access.session();
        if (session.active().isEmpty() && !ConnectionOptions.given(invocation)
                && !session.resolver().hasTarget(ApiAccess.request(invocation))) {
            throw session.resolver().notConfigured();
        }
        ApiSession.Connected connected = access.connected(invocation);
        Token token = session.token(connected, invocation.cancellation(), invocation.progress());
        WhoAmI who = WhoAmI.fetch(connected.client(), invocation.cancellation(), invocation.progress());
        return Outcome.of(AuthStatus.of(connected.connection(), token, who, clock.instant()),
                AuthStatusCommand::render);
    }

    static void render(AuthStatus status, Output out) {
        out.println(out.style().ok("logged in") + " to " + status.apiUrl() + (status.sandbox() ? " (sandbox)" : "")
                + (status.region().isEmpty() ? "" : " [" + status.region() + "]"));
        Views.field(out, "organization", status.organization() + (status.organizationId().isEmpty() ? ""
                : " (" + status.organizationId() + ")"));
        Views.field(out, "client", (status.clientName().isEmpty() ? "" : status.clientName() + " ") + "(" + status.clientId()
                + ")");
        Views.field(out, "token", "expires " + status.tokenExpiresAt() + ", in "
                + Waits.format(Duration.ofSeconds(status.tokenExpiresInSeconds())) + " ("
                + ("cache".equals(status.tokenSource()) ? "from the token cache" : "new login") + ")");
        if (!status.profile().isEmpty()) {
            Views.field(out, "profile", status.profile());
        }
        Views.field(out, "scopes", status.authorizedScope().isEmpty() ? "none listed (client-credentials clients are "
                + "governed by roles)" : String.join(" ", status.authorizedScope()));
        if (status.jwtScope() != null) {
            Views.field(out, "jwt scope", status.jwtScope().isEmpty() ? "none" : String.join(" ", status.jwtScope()));
        }
        Views.field(out, "login", status.loginUrl());
    }

}
