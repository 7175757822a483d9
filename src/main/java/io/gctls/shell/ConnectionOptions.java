package io.gctls.shell;

import io.gctls.auth.ConnectionRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where to connect and as whom: the options every command that talks to the API accepts, after
 * the command or before it ({@code gctls --region eu-west-1 domains list}). Flags beat the
 * environment beat the profile.
 */
public final class ConnectionOptions {

    public static final Opt<String> PROFILE = OptionSpec.value("profile", "NAME", "profile from config.toml");
    public static final Opt<String> REGION = OptionSpec.value("region", "REGION",
            "region (eu-west-1) or domain (mypurecloud.ie)");
    public static final Opt<String> API_URL = OptionSpec.url("api-url", "API base URL, e.g. https://api.mypurecloud.ie");
    public static final Opt<String> LOGIN_URL = OptionSpec.url("login-url",
            "login URL (default: derived from the API URL)");
    public static final Opt<String> CLIENT_ID = OptionSpec.value("client-id", "ID", "OAuth client id");
    public static final Opt<Path> CLIENT_SECRET_FILE = OptionSpec.file("client-secret-file",
            "file holding the client secret (must be 0600)");
    public static final Opt<String> CLIENT_SECRET = OptionSpec.value("client-secret", "SECRET",
            "the client secret itself (prefer a file or the environment; never kept in history)").sensitive();

    /** In the order help shows them. */
    public static final List<OptionSpec> ALL = List.of(PROFILE, REGION, API_URL, LOGIN_URL, CLIENT_ID,
            CLIENT_SECRET_FILE, CLIENT_SECRET);

    /** The names that may also stand before the command on the process's command line. */
    public static final List<String> NAMES = ALL.stream().map(OptionSpec::name).toList();

    private ConnectionOptions() {
    }

    /** A command's own options followed by the connection options, for its constructor. */
    public static OptionSpec[] with(OptionSpec... own) {
        List<OptionSpec> all = new java.util.ArrayList<>(List.of(own));
        all.addAll(ALL);
        return all.toArray(OptionSpec[]::new);
    }

    /** What the command line says about the connection; the launch's {@code --profile} when the line has none. */
    public static ConnectionRequest request(Invocation invocation) {
        if (!invocation.declares(PROFILE.name())) {
            // a command that forgot them connects as if none were given; the test of every API
            // command (ConnectionOptionsCoverageTest) is what catches the omission
            return ConnectionRequest.none().withProfile(invocation.session().profile());
        }
        return new ConnectionRequest(invocation.optional(PROFILE).or(() -> invocation.session().profile()),
                invocation.optional(REGION), invocation.optional(API_URL), invocation.optional(LOGIN_URL),
                invocation.optional(CLIENT_ID), invocation.optional(CLIENT_SECRET),
                invocation.optional(CLIENT_SECRET_FILE));
    }

    /** True when the line itself names a connection (not only the launch's --profile). */
    public static boolean given(Invocation invocation) {
        return invocation.declares(PROFILE.name()) && ALL.stream().anyMatch(invocation::given);
    }

    static Optional<OptionSpec> named(String name) {
        return ALL.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
