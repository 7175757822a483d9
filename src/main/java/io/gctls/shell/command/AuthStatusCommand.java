package io.gctls.shell.command;

import io.gctls.api.Waits;
import io.gctls.auth.ApiSession;
import io.gctls.auth.AuthStatus;
import io.gctls.auth.Token;
import io.gctls.auth.WhoAmI;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** {@code auth status}: organisation, client, token expiry countdown and scopes of the session. */
public class AuthStatusCommand extends GctlsCommand {

    private final ApiAccess access;
    private final Clock clock;

    public AuthStatusCommand(ApiAccess access, Clock clock) {
        super("auth status", "Session", "Show the session: organisation, client, token expiry and scopes",
                List.of("auth status", "auth status --output json"));
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Outcome run(Invocation invocation) {
        ApiSession session = access.session();
        if (session.active().isEmpty() && !session.resolver().hasTarget(ApiAccess.request(invocation))) {
            throw new GctlsException(ExitCode.AUTH, "not logged in: run 'auth login' (or set GENESYSCLOUD_REGION, "
                    + "GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET, or start with --sandbox)");
        }
        ApiSession.Connected connected = access.connected(invocation);
        Token token = session.token(connected, invocation.cancellation(), invocation.out()::note);
        WhoAmI who = WhoAmI.fetch(connected.client(), invocation.cancellation(), invocation.out()::note);
        return Outcome.of(AuthStatus.of(connected.connection(), token, who, clock.instant()),
                AuthStatusCommand::render);
    }

    static void render(AuthStatus status, Output out) {
        out.println(out.style().ok("logged in") + " to " + status.apiUrl() + (status.sandbox() ? " (sandbox)" : "")
                + (status.region().isEmpty() ? "" : " [" + status.region() + "]"));
        row(out, "organization", status.organization() + (status.organizationId().isEmpty() ? ""
                : " (" + status.organizationId() + ")"));
        row(out, "client", (status.clientName().isEmpty() ? "" : status.clientName() + " ") + "(" + status.clientId()
                + ")");
        row(out, "token", "expires " + status.tokenExpiresAt() + ", in "
                + Waits.format(Duration.ofSeconds(status.tokenExpiresInSeconds())) + " ("
                + ("cache".equals(status.tokenSource()) ? "from the token cache" : "new login") + ")");
        if (!status.profile().isEmpty()) {
            row(out, "profile", status.profile());
        }
        row(out, "scopes", status.authorizedScope().isEmpty() ? "none listed (client-credentials clients are "
                + "governed by roles)" : String.join(" ", status.authorizedScope()));
        if (status.jwtScope() != null) {
            row(out, "jwt scope", status.jwtScope().isEmpty() ? "none" : String.join(" ", status.jwtScope()));
        }
        row(out, "login", status.loginUrl());
    }

    private static void row(Output out, String label, String value) {
        out.println(String.format("  %-13s %s", label, value));
    }
}
