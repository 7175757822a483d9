package io.gctls.sandbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.gctls.core.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in Genesys Cloud emulator (docs/sandbox.md): an embedded WireMock on a loopback port whose
 * baseline stubs route login and API to a stateful emulator of docs/api.md (OAuth client credentials,
 * tokens/me, the custom-domain store, audit events in both shapes, certificate details, the
 * per-token rate limit) with fault switches on top.
 *
 * <p>It also serves every deployed domain's certificate and chain over TLS on a second loopback
 * port, {@link #tlsPort()}: chosen by SNI (a name no domain covers, or none, gets the first
 * deployed domain's certificate, like a server's default certificate; with nothing deployed the
 * handshake fails), TLS 1.2 and 1.3 only, signed with the deployed private key. A replace is
 * served from the next handshake on. The TLS front does not staple OCSP responses: the sandbox
 * has no OCSP responder.
 *
 * <p>Per-scenario stubs added through {@link #server()} win over the emulator as long as their
 * priority is numerically below {@link #BASELINE_PRIORITY} (WireMock's default, 5, is). Start one,
 * {@link #reset()} it between tests, {@link #stop()} (or close) it at the end.
 */
public final class Sandbox implements AutoCloseable {

    /** The fixed client-credentials client of the sandbox. Not a secret: it opens nothing real. */
    public static final String CLIENT_ID = "gctls-sandbox";
    public static final String CLIENT_SECRET = "gctls-sandbox-secret";
    public static final String CLIENT_NAME = "gctls sandbox client";
    public static final String ORGANIZATION_ID = "5a2d1c3e-0b7f-4c1a-9e6d-000000005a2d";
    public static final String ORGANIZATION_NAME = "gctls sandbox";
    /** The permissions assumed for a custom-domain client (there is no real one to copy), as {@code authorizedScope} and the JWT {@code scope} claim. */
    public static final List<String> SCOPES = List.of("customdomain:read", "customdomain:write", "auditlog:read");
    /** {@code serviceName} of the sandbox's audit events (there is no real custom-domain service to copy). */
    public static final String AUDIT_SERVICE_NAME = "CustomDomains";
    /** {@code entityType} of the sandbox's audit events; the auditlogs shape's {@code eventId}s are {@code customdomain.<action>}. */
    public static final String AUDIT_ENTITY_TYPE = "customdomain";
    /** Priority of the baseline API stubs; the catch-all stub sits at {@link #FALLBACK_PRIORITY}. */
    public static final int BASELINE_PRIORITY = 100;
    public static final int FALLBACK_PRIORITY = 1000;
    /** Name of the WireMock transformer that stubs can route to the emulator. */
    public static final String TRANSFORMER = SandboxTransformer.NAME;

    private final Emulator emulator;
    private final java.time.Clock clock;
    private final WireMockServer server;
    private volatile SandboxTls tls;
    private volatile java.nio.file.Path seedTrust;

    private Sandbox(SandboxOptions options) {
        this.emulator = new Emulator(options);
        this.clock = options.clock();
        WireMockConfiguration configuration = options()
                .bindAddress("127.0.0.1")
                .port(options.port())
                .mappingSource(new BaselineMappings(options.mappingsDirectory().orElse(null)))
                .extensions(new SandboxTransformer(emulator, options.sleeper()))
                .extensionScanningEnabled(false)
                .maxRequestJournalEntries(options.journalLimit())
                .notifier(new Slf4jNotifier(false))
                .containerThreads(12)
                .jettyAcceptors(1)
                .gzipDisabled(true);
        if (!options.adminApi()) {
            // The journal holds uploaded private keys and tokens: no HTTP access to it, Java API only.
            configuration.adminAuthenticator(request -> false);
        }
        this.server = new WireMockServer(configuration);
    }

    /** Starts a sandbox on a loopback port ({@link SandboxOptions#port(int)}, else a free one). */
    public static Sandbox start(SandboxOptions options) {
        Sandbox sandbox = new Sandbox(options);
        sandbox.server.start();
        sandbox.emulator.pki().baseUrl(sandbox.baseUrl());
        try {
            sandbox.tls = SandboxTls.start(sandbox.emulator);
        } catch (RuntimeException e) {
            sandbox.server.stop();
            throw e;
        }
        return sandbox;
    }

    public static Sandbox start() {
        return start(SandboxOptions.defaults());
    }

    /** {@code http://127.0.0.1:PORT}: the login and the API base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The loopback port that serves the deployed certificates over TLS (SNI, TLS 1.2+); 0 once stopped. */
    public int tlsPort() {
        return tls != null && tls.isOpen() ? tls.port() : 0;
    }

    /**
     * Whether a deployed domain covers {@code host} (its name, or a {@code *.} wildcard one label
     * up), so that a TLS handshake asking for it on {@link #tlsPort()} gets that domain's certificate.
     */
    public boolean servesTls(String host) {
        return isRunning() && SniKeyManager.covering(emulator.deployed(), host).isPresent();
    }

    public String clientId() {
        return CLIENT_ID;
    }

    public String clientSecret() {
        return CLIENT_SECRET;
    }

    /** Adds a fault switch; the first added switch that matches a request fires. */
    public void addFault(FaultSpec fault) {
        emulator.addFault(fault);
    }

    public void clearFaults() {
        emulator.clearFaults();
    }

    /** The switches still set, with the times each has left. */
    public List<FaultSpec> faults() {
        return emulator.faults();
    }

    public void ratePerMinute(int perMinute) {
        emulator.ratePerMinute(perMinute);
    }

    /** Lifetime of tokens issued from now on; tokens already issued keep theirs. */
    public void tokenLifetime(Duration lifetime) {
        emulator.tokenLifetime(lifetime);
    }

    /** Every token becomes unknown (the next API call answers 401), and rate windows start over. */
    public void revokeAllTokens() {
        emulator.revokeAllTokens();
    }

    /** Issue unsigned JWT-shaped tokens with a {@code scope} claim from now on (or opaque ones). */
    public void jwtTokens(boolean jwt) {
        emulator.jwtTokens(jwt);
    }

    /** How many polls an asynchronous audit query needs to succeed (see {@link SandboxOptions#auditQueryPolls}). */
    public void auditQueryPolls(int polls) {
        emulator.auditQueryPolls(polls);
    }

    /** A snapshot of the custom-domain store, in creation order (no private keys). */
    public List<CustomDomain> domains() {
        return emulator.domains();
    }

    public Optional<CustomDomain> domain(String name) {
        return domains().stream().filter(d -> d.domain().equalsIgnoreCase(name)).findFirst();
    }

    /** A snapshot of the audit events recorded so far, oldest first. */
    public List<AuditEvent> auditEvents() {
        return emulator.auditEvents();
    }

    /**
     * Stores a domain directly, with the validation and the audit event of a {@code POST
     * /api/v2/customdomains}, e.g. to set up a duplicate or a rotation.
     *
     * @throws IllegalArgumentException with the message the API would answer, when it would refuse it
     */
    public CustomDomain putDomain(String domain, String certificatePem, String privateKeyPem, String chainPem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", domain);
        body.put("certificate", certificatePem);
        body.put("privateKey", privateKeyPem);
        if (chainPem != null) {
            body.put("certificateChain", chainPem);
        }
        try {
            return emulator.putDomain(Json.mapper().valueToTree(body), "127.0.0.1");
        } catch (ApiError e) {
            throw new IllegalArgumentException("sandbox refused " + domain + " (HTTP " + e.status() + " " + e.code()
                    + "): " + e.getMessage());
        }
    }

    /**
     * Deploys {@code count} test domains ({@code expiring} of them with certificates that end within
     * days) and writes a folder of new bundles for them into {@code out} (new, or empty), with the
     * seed's root as {@code out/ca.pem}.
     *
     * @throws IllegalArgumentException with a message for the user when the numbers or the folder will not do
     */
    public SeedResult seed(int count, int expiring, java.nio.file.Path out) {
        SeedResult result = new Seeder(this, clock).seed(count, expiring, out);
        seedTrust = result.trust();
        return result;
    }

    /**
     * The root of the last seed ({@code ca.pem} of its folder) while its domains may still be
     * deployed: what the sandbox's commands judge seeded chains against when no {@code --trust} is given.
     */
    public Optional<java.nio.file.Path> seedTrust() {
        return Optional.ofNullable(seedTrust);
    }

    /**
     * The TLS front keeps serving {@code domain}'s current certificate, whatever is deployed next, as a
     * platform that has not picked a replace up yet would: the served leaf then differs from the
     * deployed one ("drift"). {@link #serveAsDeployed()} or {@link #reset()} ends it.
     *
     * @throws IllegalArgumentException when the domain is not deployed
     */
    public void holdServedCertificate(String domain) {
        emulator.holdServed(domain);
    }

    /** The TLS front fails every handshake asking for {@code domain}, until {@link #serveAsDeployed()}. */
    public void refuseHandshakes(String domain) {
        emulator.refuseHandshakes(domain);
    }

    /** Ends every {@link #holdServedCertificate} and {@link #refuseHandshakes}. */
    public void serveAsDeployed() {
        emulator.serveAsDeployed();
    }

    /** The private key PEM stored for a domain id: for serving the deployed certificate over TLS only. */
    Optional<String> privateKeyPem(String domainId) {
        return emulator.privateKeyPem(domainId);
    }

    /**
     * A certificate for {@code domain} from the sandbox's own CA, whose CA Issuers and OCSP URLs point
     * at this sandbox ({@code /pki/intermediate.der}, {@code /ocsp}): deploy it without its chain to
     * see chain repair, then {@link #revoke} it to see revocation.
     */
    public SandboxPki.Issued issue(String domain) {
        return emulator.pki().issue(domain);
    }

    /** The sandbox CA's root, to pass as {@code --trust}. */
    public java.security.cert.X509Certificate pkiRoot() {
        return emulator.pki().root();
    }

    /**
     * Revokes the certificate deployed for {@code domain}: from now on the sandbox's OCSP responder
     * answers "revoked (keyCompromise)" for it.
     *
     * @return the serial revoked, hex
     * @throws IllegalArgumentException when the domain is not deployed or its certificate is not the
     *     sandbox CA's (the sandbox can only revoke what it issued)
     */
    public String revoke(String domain) {
        CustomDomain deployed = domain(domain).orElseThrow(() -> new IllegalArgumentException(domain
                + " is not deployed in the sandbox (see: domains list)"));
        java.security.cert.X509Certificate certificate;
        try {
            certificate = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(deployed.certificate()
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException("the certificate deployed for " + domain + " cannot be read", e);
        }
        if (!emulator.pki().issued(certificate)) {
            throw new IllegalArgumentException("the certificate deployed for " + domain + " was not issued by the"
                    + " sandbox's CA, so the sandbox cannot revoke it (get one with: sandbox issue " + domain + ")");
        }
        emulator.pki().revoke(certificate.getSerialNumber());
        return certificate.getSerialNumber().toString(16);
    }

    /** The WireMock server: its request journal, and per-scenario stubs on top of the emulator. */
    public WireMockServer server() {
        return server;
    }

    /**
     * Back to a fresh state: empty store and audit, no tokens, faults, rate windows or asynchronous
     * queries, the start options' settings, an empty journal, and only the baseline stubs.
     */
    public void reset() {
        emulator.reset();
        seedTrust = null;
        server.resetAll();
        if (tls != null) {
            tls.forget();
        }
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    public SandboxStatus status() {
        boolean running = server.isRunning();
        return new SandboxStatus(running, running ? baseUrl() : null, tlsPort(), emulator.domains().size(),
                emulator.auditEvents().size(), emulator.liveTokens(),
                running ? server.getAllServeEvents().size() : 0, emulator.ratePerMinute(), emulator.tokenLifetime(),
                emulator.jwtTokens(), emulator.faults());
    }

    public void stop() {
        if (tls != null) {
            tls.close();
        }
        if (server.isRunning()) {
            server.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
