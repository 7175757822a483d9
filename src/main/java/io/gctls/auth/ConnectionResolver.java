package io.gctls.auth;

import io.gctls.api.RetrySettings;
import io.gctls.core.Durations;
import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Numbers;
import io.gctls.core.Quote;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves where to connect and as whom (docs/configuration.md "Which wins"): flags beat the environment beat the profile.
 * Environment names are the official CLI's {@code GENESYSCLOUD_*}, with
 * {@code GENESYS_*} as aliases (docs/configuration.md "Environment"). A missing secret is left for the session to ask for (at the prompt only).
 */
public final class ConnectionResolver {

    public static final String REGION = "GENESYSCLOUD_REGION";
    public static final String CLIENT_ID = "GENESYSCLOUD_OAUTHCLIENT_ID";
    public static final String CLIENT_SECRET = "GENESYSCLOUD_OAUTHCLIENT_SECRET";
    public static final String ENV_URL = "GENESYS_ENV_URL";
    public static final String LOGIN_URL = "GENESYS_LOGIN_URL";
    public static final String API_KEY = "GENESYS_API_KEY";
    public static final String API_SECRET = "GENESYS_API_SECRET";
    public static final String PROFILE = "GCTLS_PROFILE";

    private final Environment env;
    private final ProfileStore profiles;
    /** Where the last login is remembered; null: not remembered (tests, embedded use). */
    private final Path stateDir;

    public ConnectionResolver(Environment env, ProfileStore profiles) {
        this(env, profiles, null);
    }

    public ConnectionResolver(Environment env, ProfileStore profiles, Path stateDir) {
        this.env = env;
        this.profiles = profiles;
        this.stateDir = stateDir;
    }

    public Connection resolve(ConnectionRequest request, boolean tokenCacheAllowed) {
        Map<String, String> sources = new LinkedHashMap<>();
        Optional<Profile> profile = profileFor(request, sources);
        Endpoints endpoints = endpoints(request, profile, sources);
        String clientId = clientId(request, profile, sources);
        ClientCredentials credentials = credentials(request, profile, clientId, sources);
        RetrySettings retry = profile.map(p -> retrySettings(p)).orElse(RetrySettings.defaults());
        boolean cache = tokenCacheAllowed && profile.flatMap(Profile::tokenCache).orElse(true);
        return new Connection(endpoints, credentials, profile.map(Profile::name)
                .filter(name -> !name.equals(LastLogin.SOURCE)), retry, cache, false,
                ApiPaths.resolve(env, profile), java.util.Collections.unmodifiableMap(sources));
    }

    /** True when something (flags, environment, a profile or the last login) says where to connect. */
    public boolean hasTarget(ConnectionRequest request) {
        return request.region().isPresent() || request.apiUrl().isPresent()
                || env.first(REGION, ENV_URL).isPresent() || profileName(request).isPresent()
                || lastLogin().isPresent();
    }

    /**
     * The one answer, everywhere, when nothing says where to connect: exit 4 (nobody to
     * authenticate as), with every way to say it.
     */
    public GctlsException notConfigured() {
        return new GctlsException(ExitCode.AUTH, "not logged in, and no connection is configured: run 'auth login "
                + "--region REGION --client-id ID --client-secret-file FILE' (or --api-url URL), set " + REGION
                + " (or " + ENV_URL + "), add a profile to " + profiles.configFile() + ", or try the built-in "
                + "sandbox ('sandbox start' at the prompt, or: gctls --sandbox)");
    }

    /** Remembers where a login went, for the next one-shot run (never the secret). */
    public void rememberLogin(LastLogin login) {
        if (stateDir == null) {
            return;
        }
        try {
            login.write(stateDir);
        } catch (java.io.IOException e) {
            // a convenience: the login itself worked; the next run needs its flags again
        }
    }

    /** After {@code auth logout} or {@code profile use}: the next run does not go back there. */
    public void forgetLogin() {
        if (stateDir != null) {
            LastLogin.forget(stateDir);
        }
    }

    public Optional<LastLogin> lastLogin() {
        return stateDir == null ? Optional.empty() : LastLogin.read(stateDir);
    }

    /** The profile named by --profile or GCTLS_PROFILE: named, so it beats the last login. */
    private Optional<String> namedProfile(ConnectionRequest request) {
        return request.profile().or(() -> env.get(PROFILE));
    }

    private Optional<String> profileName(ConnectionRequest request) {
        return namedProfile(request).or(profiles::defaultName);
    }

    private Optional<Profile> profileFor(ConnectionRequest request, Map<String, String> sources) {
        Optional<String> named = namedProfile(request);
        if (named.isEmpty() && !request.region().isPresent() && !request.apiUrl().isPresent()
                && env.first(REGION, ENV_URL).isEmpty()) {
            Optional<LastLogin> last = lastLogin();
            if (last.isPresent()) {
                sources.put("profile", LastLogin.SOURCE);
                return Optional.of(last.get().asProfile());
            }
        }
        Optional<String> name = named.or(profiles::defaultName);
        name.ifPresent(n -> sources.put("profile", request.profile().isPresent() ? "--profile"
                : env.get(PROFILE).isPresent() ? PROFILE : "default profile"));
        return name.map(profiles::require);
    }

    private Endpoints endpoints(ConnectionRequest request, Optional<Profile> profile, Map<String, String> sources) {
        Optional<String> envLogin = env.get(LOGIN_URL).map(u -> checkedUrl(u, LOGIN_URL));
        if (request.apiUrl().isPresent()) {
            sources.put("api", "--api-url");
            return Endpoints.fromApiUrl(checkedUrl(request.apiUrl().get(), "--api-url"), request.loginUrl()
                    .map(u -> checkedUrl(u, "--login-url")).or(() -> envLogin));
        }
        if (request.region().isPresent()) {
            sources.put("api", "--region");
            return Endpoints.forRegionOrDomain(checkedRegion(request.region().get(), "--region"));
        }
        if (env.get(REGION).isPresent()) {
            sources.put("api", REGION);
            return Endpoints.forRegionOrDomain(checkedRegion(env.get(REGION).get(), REGION));
        }
        if (env.get(ENV_URL).isPresent()) {
            sources.put("api", ENV_URL);
            return Endpoints.fromApiUrl(checkedUrl(env.get(ENV_URL).get(), ENV_URL), envLogin);
        }
        if (profile.isPresent()) {
            Profile p = profile.get();
            sources.put("api", p.name().equals(LastLogin.SOURCE) ? LastLogin.SOURCE : "profile " + p.name());
            String where = "api-url of profile " + p.name() + " in " + profiles.configFile();
            if (p.apiUrl().isPresent()) {
                return Endpoints.fromApiUrl(checkedUrl(p.apiUrl().get(), where), p.loginUrl().map(u -> checkedUrl(u,
                        "login-url of profile " + p.name() + " in " + profiles.configFile())));
            }
            if (p.region().isPresent()) {
                return Endpoints.forRegionOrDomain(checkedRegion(p.region().get(), "region of profile " + p.name()
                        + " in " + profiles.configFile()));
            }
            throw GctlsException.usage("profile " + p.name() + " in " + profiles.configFile()
                    + " has neither region nor api-url");
        }
        throw notConfigured();
    }

    private String clientId(ConnectionRequest request, Optional<Profile> profile, Map<String, String> sources) {
        if (request.clientId().isPresent()) {
            sources.put("clientId", "--client-id");
            return request.clientId().get();
        }
        for (String name : new String[] {CLIENT_ID, API_KEY}) {
            if (env.get(name).isPresent()) {
                sources.put("clientId", name);
                return env.get(name).get();
            }
        }
        if (profile.flatMap(Profile::clientId).isPresent()) {
            sources.put("clientId", "profile " + profile.get().name());
            return profile.get().clientId().get();
        }
        throw new GctlsException(ExitCode.AUTH, "no OAuth client id: pass --client-id, set " + CLIENT_ID + " (or "
                + API_KEY + "), or put client-id in a profile");
    }

    private ClientCredentials credentials(ConnectionRequest request, Optional<Profile> profile, String clientId,
            Map<String, String> sources) {
        if (request.clientSecretFile().isPresent()) {
            sources.put("secret", "--client-secret-file");
            return new ClientCredentials(clientId, SecretFile.read(request.clientSecretFile().get(), "client secret"),
                    "--client-secret-file " + request.clientSecretFile().get());
        }
        if (request.clientSecret().isPresent()) {
            sources.put("secret", "--client-secret");
            return new ClientCredentials(clientId, request.clientSecret().get(), "--client-secret");
        }
        for (String name : new String[] {CLIENT_SECRET, API_SECRET}) {
            if (env.get(name).isPresent()) {
                sources.put("secret", name);
                return new ClientCredentials(clientId, env.get(name).get(), name);
            }
        }
        if (profile.isPresent()) {
            Profile p = profile.get();
            if (p.clientSecretFile().isPresent()) {
                sources.put("secret", "profile " + p.name() + " (file)");
                return new ClientCredentials(clientId, SecretFile.read(p.clientSecretFile().get(), "client secret"),
                        "profile " + p.name() + " client-secret-file");
            }
            if (p.clientSecret().isPresent()) {
                refuseSharedConfig();
                sources.put("secret", "profile " + p.name());
                return new ClientCredentials(clientId, p.clientSecret().get(), "profile " + p.name());
            }
        }
        return ClientCredentials.withoutSecret(clientId, "pass --client-secret-file, set " + CLIENT_SECRET + " (or "
                + API_SECRET + "), or put client-secret-file in a profile");
    }

    private void refuseSharedConfig() {
        try {
            SecretFile.refuseIfShared(profiles.configFile(), "client secret");
        } catch (java.io.IOException e) {
            throw GctlsException.input("cannot check " + profiles.configFile() + ": " + e.getMessage());
        }
    }

    /**
     * What is wrong with an API or login URL, if anything. Checked when the URL is read (flag,
     * environment or profile), so that a port that cannot exist is one usage error, not a request
     * retried until the budget runs out.
     */
    public static Optional<String> urlProblem(String url) {
        String u = url.strip();
        if (u.isEmpty()) {
            return Optional.of("it is empty");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            return Optional.of("it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("it must start with https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // java.net.URI leaves the host out when the authority does not parse (a port of letters or
            // non-ASCII digits); say which part is wrong
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
            return Optional.of(authority.matches(".*:[^\\]:/]*$") && !authority.endsWith("]")
                    ? "its port is not a number" : "it has no host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return Optional.of("port " + uri.getPort() + " does not exist (ports are 1 to 65535)");
        }
        return Optional.empty();
    }

    private static String checkedUrl(String url, String source) {
        urlProblem(url).ifPresent(problem -> {
            throw GctlsException.usage(source + " " + Quote.of(url.strip()) + " is not a usable URL: " + problem);
        });
        return url;
    }

    /** A region or domain may also be given as a URL; then it is checked like one. */
    private static String checkedRegion(String value, String source) {
        String v = value.strip();
        return v.startsWith("http://") || v.startsWith("https://") ? checkedUrl(v, source) : v;
    }

    static RetrySettings retrySettings(Profile profile) {
        RetrySettings s = RetrySettings.defaults();
        for (Map.Entry<String, String> e : profile.retry().entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue();
            String setting = "retry." + e.getKey() + " in profile " + profile.name();
            s = switch (key) {
                case "max-attempts" -> s.withMaxAttempts(attempts(value, setting));
                case "max-total" -> s.withMaxTotal(positive(value, setting));
                case "max-wait" -> s.withMaxWait(positive(value, setting));
                case "request-timeout" -> s.withRequestTimeout(positive(value, setting));
                default -> throw GctlsException.usage("unknown setting retry." + e.getKey() + " in profile "
                        + profile.name() + " (known: max-attempts, max-total, max-wait, request-timeout)");
            };
        }
        return s;
    }

    /** Most attempts a profile may ask for: more would only lengthen an outage's wait. */
    static final int MOST_ATTEMPTS = 100;

    private static int attempts(String value, String setting) {
        int attempts;
        try {
            attempts = Numbers.parseInt(value);
        } catch (IllegalArgumentException e) {
            throw GctlsException.usage(setting + " must be a whole number, not " + Quote.of(value));
        }
        if (attempts < 1 || attempts > MOST_ATTEMPTS) {
            throw GctlsException.usage(setting + " must be 1 to " + MOST_ATTEMPTS + ", not " + attempts);
        }
        return attempts;
    }

    /** A zero or negative timeout would turn the timeout off; a zero budget would refuse every retry. */
    private static Duration positive(String value, String setting) {
        Duration d;
        try {
            d = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw GctlsException.usage(setting + " must be a duration such as 30s or 2m, not " + Quote.of(value)
                    + (e.getMessage().startsWith("not a") ? "" : " (" + e.getMessage() + ")"));
        }
        if (d.isZero()) {
            throw GctlsException.usage(setting + " must be more than 0s (" + Quote.of(value) + " would turn it off)");
        }
        return d;
    }
}
