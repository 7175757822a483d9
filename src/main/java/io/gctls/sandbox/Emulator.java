package io.gctls.sandbox;

import com.github.tomakehurst.wiremock.http.Request;
import io.gctls.core.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The stateful Genesys Cloud emulator behind the WireMock transformer. It routes each request once:
 * fault switches first, then open routes (the login), then for the API the bearer token and the
 * per-token rate limit, then the {@link Routes} table that the API areas filled: OAuth and tokens
 * ({@link OAuthHandler}), custom domains ({@link CustomDomainsHandler}), the two audit shapes
 * ({@link AuditQueryHandler}, {@link AuditLogsHandler}) and certificate details
 * ({@link CertificateDetailsHandler}). A new area is a {@link Routes.Area} added to {@link #areas}.
 *
 * <p>One lock guards all state (the sandbox serves one engineer or one test run; simplicity beats
 * throughput here). WireMock-specific rendering lives in {@link SandboxTransformer}.
 */
final class Emulator {

    /** What the transformer should do with a request: answer {@code reply}, after {@code fault} is applied. */
    record Answer(Reply reply, FaultSpec fault) {
    }

    private final Clock clock;
    private final Settings settings;
    private final TokenStore tokens = new TokenStore();
    private final RateLimiter rateLimiter = new RateLimiter();
    private final DomainStore domains = new DomainStore();
    private final AuditTrail audit = new AuditTrail();
    private final FaultSwitches faults = new FaultSwitches();
    private final java.util.Map<String, Deployed> held = new java.util.HashMap<>();
    private final java.util.Set<String> refusedTls = new java.util.HashSet<>();
    private final CustomDomainsHandler customDomains;
    private final AuditQueryHandler auditQueries;
    private final Routes routes = new Routes();
    private final SandboxPki pki;

    Emulator(SandboxOptions options) {
        this.clock = options.clock();
        this.settings = new Settings(options);
        this.customDomains = new CustomDomainsHandler(domains, audit);
        this.auditQueries = new AuditQueryHandler(audit, settings);
        this.pki = new SandboxPki(clock);
        areas().forEach(area -> area.register(routes));
    }

    /** Every API area, in routing order. */
    private List<Routes.Area> areas() {
        return List.of(
                new OAuthHandler(tokens, settings),
                customDomains,
                auditQueries,
                new AuditLogsHandler(audit),
                new CertificateDetailsHandler(),
                new PkiHandler(pki));
    }

    // ---- control (the Sandbox facade) ----

    SandboxPki pki() {
        return pki;
    }

    synchronized void reset() {
        tokens.revokeAll();
        rateLimiter.clear();
        domains.clear();
        audit.clear();
        auditQueries.clear();
        faults.clear();
        serveAsDeployed();
        settings.reset();
        pki.clearRevocations();
    }

    synchronized void addFault(FaultSpec fault) {
        faults.add(fault);
    }

    synchronized void clearFaults() {
        faults.clear();
    }

    synchronized List<FaultSpec> faults() {
        return faults.list();
    }

    synchronized void ratePerMinute(int perMinute) {
        settings.ratePerMinute = SandboxOptions.checkRate(perMinute);
    }

    synchronized int ratePerMinute() {
        return settings.ratePerMinute;
    }

    synchronized void tokenLifetime(Duration lifetime) {
        settings.tokenLifetime = SandboxOptions.checkLifetime(lifetime);
    }

    synchronized Duration tokenLifetime() {
        return settings.tokenLifetime;
    }

    synchronized void jwtTokens(boolean jwt) {
        settings.jwtTokens = jwt;
    }

    synchronized boolean jwtTokens() {
        return settings.jwtTokens;
    }

    synchronized void auditQueryPolls(int polls) {
        settings.auditQueryPolls = SandboxOptions.checkPolls(polls);
    }

    synchronized void revokeAllTokens() {
        tokens.revokeAll();
        rateLimiter.clear();
    }

    synchronized List<CustomDomain> domains() {
        return domains.all();
    }

    synchronized int domainCount() {
        return domains.size();
    }

    synchronized Optional<String> privateKeyPem(String domainId) {
        return domains.privateKeyPem(domainId);
    }

    /**
     * A stored domain with its private key PEM, for the TLS front only; toString never shows the key.
     *
     * @param refused the TLS front fails handshakes for this domain (a switch for tests and demos)
     */
    record Deployed(CustomDomain domain, String privateKeyPem, boolean refused) {

        Deployed(CustomDomain domain, String privateKeyPem) {
            this(domain, privateKeyPem, false);
        }

        @Override
        public String toString() {
            return "Deployed[" + domain.domain() + " v" + domain.version() + (refused ? ", refused" : "") + "]";
        }
    }

    /**
     * Every stored domain with its key, in creation order, read under the one lock: a replace in
     * between cannot pair one version's certificate with another version's key. A domain whose
     * served certificate is held is served as it was when held.
     */
    synchronized List<Deployed> deployed() {
        return domains.all().stream()
                .map(d -> Optional.ofNullable(held.get(d.id())).orElseGet(() -> new Deployed(d,
                        domains.privateKeyPem(d.id()).orElse(null))))
                .map(d -> refusedTls.contains(d.domain().id()) ? new Deployed(d.domain(), d.privateKeyPem(), true) : d)
                .toList();
    }

    /** The TLS front keeps serving {@code domain}'s current certificate whatever is deployed next. */
    synchronized void holdServed(String domain) {
        CustomDomain stored = stored(domain);
        held.put(stored.id(), new Deployed(stored, domains.privateKeyPem(stored.id()).orElse(null)));
    }

    /** The TLS front fails every handshake that asks for {@code domain}. */
    synchronized void refuseHandshakes(String domain) {
        refusedTls.add(stored(domain).id());
    }

    /** The TLS front serves every domain as deployed again. */
    synchronized void serveAsDeployed() {
        held.clear();
        refusedTls.clear();
    }

    private CustomDomain stored(String domain) {
        return domains.byDomain(domain).orElseThrow(() -> new IllegalArgumentException("the sandbox has no domain "
                + domain));
    }

    synchronized List<AuditEvent> auditEvents() {
        return audit.snapshot();
    }

    synchronized int liveTokens() {
        return tokens.liveCount(clock.instant());
    }

    /** Stores a domain as a create through the API would (validation, audit event), without HTTP. */
    synchronized CustomDomain putDomain(JsonNode body, String remoteIp) {
        return customDomains.create(body, remoteIp, clock.instant());
    }

    // ---- requests ----

    synchronized Answer handle(Request request) {
        String method = request.getMethod().getName().toUpperCase(Locale.ROOT);
        String path = path(request.getUrl());
        String contextId = UUID.randomUUID().toString();
        Optional<FaultSpec> fault = faults.take(method, path);
        Reply reply;
        if (fault.isPresent() && fault.get().kind() == FaultSpec.Kind.STATUS) {
            reply = ApiError.forFault(fault.get()).toReply(contextId);
        } else if (fault.isPresent() && fault.get().kind() == FaultSpec.Kind.RESET) {
            reply = Reply.noContent(); // never sent: the connection is reset before anything is handled
        } else {
            reply = route(request, method, path, contextId);
        }
        reply.header("inin-correlation-id", contextId);
        return new Answer(reply, fault.orElse(null));
    }

    private Reply route(Request request, String method, String path, String contextId) {
        Instant now = clock.instant();
        RateLimiter.Decision decision = null;
        try {
            Optional<Routes.Match> match = routes.match(method, path);
            if (match.isPresent() && match.get().open()) {
                return match.get().handler().handle(new Call(request, method, path, match.get().pathParameters(),
                        null, now));
            }
            if (routes.openPath(path) || !path.startsWith("/api/v2/")) {
                throw notFound(method, path);
            }
            String token = authenticate(request, now);
            decision = rateLimiter.hit(token, now, settings.ratePerMinute);
            if (decision.exceeded()) {
                throw ApiError.tooManyRequests(decision.resetSeconds());
            }
            Routes.Match found = match.orElseThrow(() -> notFound(method, path));
            return withRate(found.handler().handle(new Call(request, method, path, found.pathParameters(), token,
                    now)), decision);
        } catch (ApiError error) {
            return withRate(error.toReply(contextId), decision);
        }
    }

    private static Reply withRate(Reply reply, RateLimiter.Decision decision) {
        if (decision != null) {
            reply.header("inin-ratelimit-allowed", String.valueOf(decision.allowed()))
                    .header("inin-ratelimit-count", String.valueOf(decision.count()))
                    .header("inin-ratelimit-reset", String.valueOf(decision.resetSeconds()));
        }
        return reply;
    }

    private String authenticate(Request request, Instant now) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(401, "bad.credentials",
                    "No authentication bearer token specified in authorization header.", List.of());
        }
        String token = authorization.substring(7).strip();
        if (tokens.live(token, now).isEmpty()) {
            throw ApiError.badCredentials();
        }
        return token;
    }

    private static ApiError notFound(String method, String path) {
        return ApiError.notFound("The sandbox has no resource " + method + " " + path);
    }

    private static String path(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
