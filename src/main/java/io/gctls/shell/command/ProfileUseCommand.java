package io.gctls.shell.command;

import io.gctls.auth.ProfileStore;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import java.util.List;

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

    /** What {@code profile use} reports. */
    public record ProfileChosen(String profile) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        String name = invocation.requiredArgument(0, "a profile NAME");
        profiles.use(name);
        access.session().selectProfile(name);
        access.session().resolver().forgetLogin(); // the profile, not the last login, is where runs go now
        return Outcome.of(new ProfileChosen(name), (r, out) -> out.println("using profile " + r.profile()
                + " (the next API command connects with it)"));
    }
}
