package io.gctls.auth;

import io.gctls.api.RetrySettings;
import io.gctls.core.Durations;
import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves where to connect and as whom (SPEC §7): flags beat the environment beat the profile.
 * Environment names are the official CLI's {@code GENESYSCLOUD_*}, with the brief's
 * {@code GENESYS_*} as aliases. A missing secret is left for the session to ask for (at the prompt only).
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

    public ConnectionResolver(Environment env, ProfileStore profiles) {
        this.env = env;
        this.profiles = profiles;
    }

    public Connection resolve(ConnectionRequest request, boolean tokenCacheAllowed) {
        Map<String, String> sources = new LinkedHashMap<>();
        Optional<Profile> profile = profileFor(request, sources);
        Endpoints endpoints = endpoints(request, profile, sources);
        String clientId = clientId(request, profile, sources);
        ClientCredentials credentials = credentials(request, profile, clientId, sources);
        RetrySettings retry = profile.map(p -> retrySettings(p)).orElse(RetrySettings.defaults());
        boolean cache = tokenCacheAllowed && profile.flatMap(Profile::tokenCache).orElse(true);
        return new Connection(endpoints, credentials, profile.map(Profile::name), retry, cache, false,
                ApiPaths.resolve(env, profile), Map.copyOf(sources));
    }

    /** True when something (flags, environment or a profile) says where to connect. */
    public boolean hasTarget(ConnectionRequest request) {
        return request.region().isPresent() || request.apiUrl().isPresent()
                || env.first(REGION, ENV_URL).isPresent() || profileName(request).isPresent();
    }

    private Optional<String> profileName(ConnectionRequest request) {
        if (request.profile().isPresent()) {
            return request.profile();
        }
        return env.get(PROFILE).or(profiles::defaultName);
    }

    private Optional<Profile> profileFor(ConnectionRequest request, Map<String, String> sources) {
        Optional<String> name = profileName(request);
        name.ifPresent(n -> sources.put("profile", request.profile().isPresent() ? "--profile"
                : env.get(PROFILE).isPresent() ? PROFILE : "default profile"));
        return name.map(profiles::require);
    }

    private Endpoints endpoints(ConnectionRequest request, Optional<Profile> profile, Map<String, String> sources) {
        if (request.apiUrl().isPresent()) {
            sources.put("api", "--api-url");
            return Endpoints.fromApiUrl(request.apiUrl().get(), request.loginUrl().or(() -> env.get(LOGIN_URL)));
        }
        if (request.region().isPresent()) {
            sources.put("api", "--region");
            return Endpoints.forRegionOrDomain(request.region().get());
        }
        if (env.get(REGION).isPresent()) {
            sources.put("api", REGION);
            return Endpoints.forRegionOrDomain(env.get(REGION).get());
        }
        if (env.get(ENV_URL).isPresent()) {
            sources.put("api", ENV_URL);
            return Endpoints.fromApiUrl(env.get(ENV_URL).get(), env.get(LOGIN_URL));
        }
        if (profile.isPresent()) {
            Profile p = profile.get();
            sources.put("api", "profile " + p.name());
            if (p.apiUrl().isPresent()) {
                return Endpoints.fromApiUrl(p.apiUrl().get(), p.loginUrl());
            }
            if (p.region().isPresent()) {
                return Endpoints.forRegionOrDomain(p.region().get());
            }
            throw GctlsException.usage("profile " + p.name() + " in " + profiles.configFile()
                    + " has neither region nor api-url");
        }
        throw GctlsException.usage("no Genesys Cloud region given: pass --region (e.g. eu-west-1) or --api-url, set "
                + REGION + " or " + ENV_URL + ", add a profile to " + profiles.configFile()
                + ", or try the built-in sandbox with: gctls --sandbox");
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

    static RetrySettings retrySettings(Profile profile) {
        RetrySettings s = RetrySettings.defaults();
        for (Map.Entry<String, String> e : profile.retry().entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue();
            try {
                s = switch (key) {
                    case "max-attempts" -> s.withMaxAttempts(Integer.parseInt(value.strip()));
                    case "max-total" -> s.withMaxTotal(duration(value));
                    case "max-wait" -> s.withMaxWait(duration(value));
                    case "request-timeout" -> s.withRequestTimeout(duration(value));
                    default -> throw GctlsException.usage("unknown setting retry." + e.getKey() + " in profile "
                            + profile.name() + " (known: max-attempts, max-total, max-wait, request-timeout)");
                };
            } catch (NumberFormatException ex) {
                throw GctlsException.usage("retry." + e.getKey() + " in profile " + profile.name()
                        + " must be a number, not '" + value + "'");
            }
        }
        return s;
    }

    private static Duration duration(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new NumberFormatException(value);
        }
    }
}
