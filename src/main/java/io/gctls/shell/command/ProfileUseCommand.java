package io.gctls.shell.command;

import io.gctls.auth.ProfileStore;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import java.util.List;
import java.util.Map;

/** {@code profile use NAME}: switch this session to a profile and remember it for later runs. */
public class ProfileUseCommand extends GctlsCommand {

    private final ProfileStore profiles;
    private final ApiAccess access;

    public ProfileUseCommand(ProfileStore profiles, ApiAccess access) {
        super("profile use", "Session", "Switch to a profile (remembered for later runs; --profile overrides it)",
                List.of("profile use prod"));
        this.profiles = profiles;
        this.access = access;
    }

    @Override
    public String argumentsSynopsis() {
        return "NAME";
    }

    @Override
    public Outcome run(Invocation invocation) {
        String name = invocation.requiredArgument(0, "a profile NAME");
        profiles.use(name);
        access.session().selectProfile(name);
        return Outcome.of(Map.of("profile", name), (r, out) -> out.println("using profile " + name
                + " (the next API command connects with it)"));
    }
}
