package io.gctls.shell.command;

import io.gctls.auth.Profile;
import io.gctls.auth.ProfileStore;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Tables;
import io.gctls.shell.Output;
import java.util.List;
import java.util.Optional;

/** {@code profile list}: the named environments of config.toml, and which one is in use. */
public class ProfileListCommand extends GctlsCommand {

    private final ProfileStore profiles;
    private final ApiAccess access;

    public ProfileListCommand(ProfileStore profiles, ApiAccess access) {
        super("profile list", "Session", "List the profiles in config.toml and mark the one in use",
                List.of("profile list", "profile list --output json"));
        this.profiles = profiles;
        this.access = access;
    }

    public record ProfileRow(String name, boolean inUse, String target, String clientId, String secret) {
    }

    public record ProfileList(String configFile, List<ProfileRow> profiles) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        Optional<String> inUse = inUse(invocation, access, profiles);
        List<ProfileRow> rows = profiles.list().stream().map(p -> new ProfileRow(p.name(),
                inUse.map(p.name()::equals).orElse(false), target(p), p.clientId().orElse(""), secretKind(p)))
                .toList();
        return Outcome.of(new ProfileList(profiles.configFile().toString(), rows), ProfileListCommand::render);
    }

    static Optional<String> inUse(Invocation invocation, ApiAccess access, ProfileStore profiles) {
        return access.session().selectedProfile().or(() -> invocation.session().profile())
                .or(profiles::defaultName);
    }

    static String target(Profile p) {
        return p.apiUrl().or(p::region).orElse("(none)");
    }

    /** How the secret is held, never the secret itself. */
    static String secretKind(Profile p) {
        if (p.clientSecretFile().isPresent()) {
            return "file " + p.clientSecretFile().get();
        }
        return p.clientSecret().isPresent() ? "inline in config.toml" : "none (environment or prompt)";
    }

    static void render(ProfileList list, Output out) {
        if (list.profiles().isEmpty()) {
            out.println("no profiles in " + list.configFile());
            return;
        }
        Object[][] rows = new Object[list.profiles().size() + 1][];
        rows[0] = new Object[] {"", "profile", "region / api", "client id", "secret"};
        for (int i = 0; i < list.profiles().size(); i++) {
            ProfileRow r = list.profiles().get(i);
            rows[i + 1] = new Object[] {r.inUse() ? "*" : "", r.name(), r.target(), r.clientId(), r.secret()};
        }
        out.println(Tables.render(rows));
    }
}
