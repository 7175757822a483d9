package io.gctls.shell.command;

import io.gctls.api.ApiException;
import io.gctls.api.ApiRequest;
import io.gctls.auth.ApiSession;
import io.gctls.auth.WhoAmI;
import io.gctls.core.Prompter;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.ConnectionOptions;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import java.util.List;
import java.util.Optional;

/** {@code auth logout}: revoke the token (DELETE /api/v2/tokens/me), drop it from memory and the cache. */
public class AuthLogoutCommand extends GctlsCommand {

    private final ApiAccess access;

    public AuthLogoutCommand(ApiAccess access) {
        super("auth logout", "Session", "Revoke the token and remove it from the token cache",
                List.of("auth logout", "auth logout --profile prod"), ConnectionOptions.with());
        this.access = access;
    }

    public record LogoutResult(boolean wasLoggedIn, boolean revoked, String apiUrl, String clientId, String note) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        ApiSession session = access.session();
        Optional<ApiSession.Connected> existing = ConnectionOptions.given(invocation)
                ? Optional.of(session.forCommand(ApiAccess.request(invocation), Prompter.none(),
                        invocation.session().tokenCache()))
                : session.existing(ApiAccess.request(invocation), invocation.session().tokenCache());
        // the next one-shot run must not go back to where this session was logged in
        session.resolver().forgetLogin();
        if (existing.isEmpty() || existing.get().tokens().current().isEmpty()) {
            existing.ifPresent(c -> c.tokens().forget());
            session.disconnect();
            return Outcome.of(new LogoutResult(false, false, existing.map(c -> c.client().baseUrl()).orElse(""),
                    existing.map(c -> c.tokens().clientId()).orElse(""), "not logged in"),
                    (r, out) -> out.println("not logged in; nothing to revoke"));
        }
        ApiSession.Connected connected = existing.get();
        boolean revoked = true;
        String note = "token revoked and removed from the token cache";
        try {
            connected.client().call(ApiRequest.delete(WhoAmI.PATH).withoutTokenRefresh(), invocation.cancellation(),
                    invocation.progress());
        } catch (ApiException e) {
            revoked = e.status() == 401; // already invalid: as good as revoked
            note = revoked ? "the token was no longer valid; it was removed from the token cache"
                    : "the API did not revoke the token (" + e.getMessage() + "); it was removed from this machine";
        } finally {
            connected.tokens().forget();
            session.disconnect();
        }
        LogoutResult result = new LogoutResult(true, revoked, connected.client().baseUrl(),
                connected.tokens().clientId(), note);
        return Outcome.of(result, (r, out) -> out.println("logged out of " + r.apiUrl() + ": " + r.note()));
    }
}
