package io.gctls.shell.command;

import io.gctls.auth.Profile;
import io.gctls.auth.ProfileStore;
import io.gctls.core.GctlsException;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import java.util.List;
import java.util.Map;

/** {@code profile show [NAME]}: one profile's settings; how its secret is held, never the secret. */
public class ProfileShowCommand extends GctlsCommand {

    private final ProfileStore profiles;
    private final ApiAccess access;

    public ProfileShowCommand(ProfileStore profiles, ApiAccess access) {
        super("profile show", "Session", "Show a profile's settings (the one in use when no NAME is given)",
                List.of("profile show", "profile show prod --output json"));
        this.profiles = profiles;
        this.access = access;
    }

    @Override
    public String argumentsSynopsis() {
        return "[NAME]";
    }

    public record ProfileDetails(String name, String configFile, String region, String apiUrl, String loginUrl,
            String clientId, String secret, String output, Boolean tokenCache, Map<String, String> retry) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        String name = invocation.argument(0).or(() -> ProfileListCommand.inUse(invocation, access, profiles))
                .orElseThrow(() -> GctlsException.usage("no profile in use and none named; profiles are in "
                        + profiles.configFile() + " (see: profile list)"));
        Profile p = profiles.require(name);
        ProfileDetails details = new ProfileDetails(p.name(), profiles.configFile().toString(), p.region().orElse(""),
                p.apiUrl().orElse(""), p.loginUrl().orElse(""), p.clientId().orElse(""),
                ProfileListCommand.secretKind(p), p.output().orElse(""), p.tokenCache().orElse(null), p.retry());
        return Outcome.of(details, ProfileShowCommand::render);
    }

    static void render(ProfileDetails d, Output out) {
        out.println("profile " + d.name() + " (" + d.configFile() + ")");
        Views.field(out, "region", d.region());
        Views.field(out, "api-url", d.apiUrl());
        Views.field(out, "login-url", d.loginUrl());
        Views.field(out, "client-id", d.clientId());
        Views.field(out, "secret", d.secret());
        Views.field(out, "output", d.output());
        if (d.tokenCache() != null) {
            Views.field(out, "token-cache", String.valueOf(d.tokenCache()));
        }
        d.retry().forEach((k, v) -> Views.field(out, "retry." + k, v));
    }

}
