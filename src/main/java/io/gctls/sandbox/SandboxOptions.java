package io.gctls.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Sandbox} starts. Immutable: every setter returns a copy. The runtime knobs (rate,
 * token lifetime, JWT tokens, audit query polls) can also be changed on a running sandbox;
 * {@link Sandbox#reset()} puts them back to the values given here.
 */
public final class SandboxOptions {

    /** Genesys Cloud's documented default: about 300 requests per minute per token. */
    public static final int DEFAULT_RATE_PER_MINUTE = 300;
    /** Genesys Cloud's default client-credentials token lifetime: 24 hours. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(24);
    /** Polls of {@code GET /api/v2/audits/query/{id}}: Queued, Running, then Succeeded. */
    public static final int DEFAULT_AUDIT_QUERY_POLLS = 3;
    public static final int DEFAULT_JOURNAL_LIMIT = 10_000;

    private final int ratePerMinute;
    private final Duration tokenLifetime;
    private final boolean jwtTokens;
    private final int auditQueryPolls;
    private final Clock clock;
    private final int port;
    private final Path mappingsDirectory;
    private final int journalLimit;
    private final boolean adminApi;
    private final Sleeper sleeper;

    private SandboxOptions(int ratePerMinute, Duration tokenLifetime, boolean jwtTokens, int auditQueryPolls,
            Clock clock, int port, Path mappingsDirectory, int journalLimit, boolean adminApi, Sleeper sleeper) {
        this.sleeper = sleeper;
        this.ratePerMinute = ratePerMinute;
        this.tokenLifetime = tokenLifetime;
        this.jwtTokens = jwtTokens;
        this.auditQueryPolls = auditQueryPolls;
        this.clock = clock;
        this.port = port;
        this.mappingsDirectory = mappingsDirectory;
        this.journalLimit = journalLimit;
        this.adminApi = adminApi;
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions(DEFAULT_RATE_PER_MINUTE, DEFAULT_TOKEN_LIFETIME, false, DEFAULT_AUDIT_QUERY_POLLS,
                Clock.systemUTC(), 0, null, DEFAULT_JOURNAL_LIMIT, false, Sleeper.thread());
    }

    /** Requests allowed per token in each 60-second window. */
    public SandboxOptions ratePerMinute(int perMinute) {
        return new SandboxOptions(checkRate(perMinute), tokenLifetime, jwtTokens, auditQueryPolls, clock, port,
                mappingsDirectory, journalLimit, adminApi, sleeper);
    }

    /** Lifetime of the tokens issued from now on ({@code expires_in}). */
    public SandboxOptions tokenLifetime(Duration lifetime) {
        return new SandboxOptions(ratePerMinute, checkLifetime(lifetime), jwtTokens, auditQueryPolls, clock, port,
                mappingsDirectory, journalLimit, adminApi, sleeper);
    }

    /** Issue unsigned JWT-shaped tokens carrying a {@code scope} claim instead of opaque strings. */
    public SandboxOptions jwtTokens(boolean jwt) {
        return new SandboxOptions(ratePerMinute, tokenLifetime, jwt, auditQueryPolls, clock, port, mappingsDirectory,
                journalLimit, adminApi, sleeper);
    }

    /**
     * How many polls of an asynchronous audit query it takes to succeed: the last one answers
     * {@code Succeeded}, those before {@code Running} (the first {@code Queued} when there are three
     * or more). 1 succeeds on the first poll.
     */
    public SandboxOptions auditQueryPolls(int polls) {
        return new SandboxOptions(ratePerMinute, tokenLifetime, jwtTokens, checkPolls(polls), clock, port,
                mappingsDirectory, journalLimit, adminApi, sleeper);
    }

    /** The clock behind token expiry, rate windows, audit event times and certificate validity. */
    public SandboxOptions clock(Clock sandboxClock) {
        return new SandboxOptions(ratePerMinute, tokenLifetime, jwtTokens, auditQueryPolls,
                Objects.requireNonNull(sandboxClock, "clock"), port, mappingsDirectory, journalLimit, adminApi,
                sleeper);
    }

    /** A fixed loopback port; 0 (the default) picks a free one. */
    public SandboxOptions port(int loopbackPort) {
        if (loopbackPort < 0 || loopbackPort > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + loopbackPort);
        }
        return new SandboxOptions(ratePerMinute, tokenLifetime, jwtTokens, auditQueryPolls, clock, loopbackPort,
                mappingsDirectory, journalLimit, adminApi, sleeper);
    }

    /**
     * Load the baseline stubs from this {@code mappings} directory instead of the copy packaged in the
     * jar (handy while editing {@code fixtures/wiremock/mappings}).
     */
    public SandboxOptions mappingsDirectory(Path directory) {
        return new SandboxOptions(ratePerMinute, tokenLifetime, jwtTokens, auditQueryPolls, clock, port,
                Objects.requireNonNull(directory, "directory"), journalLimit, adminApi, sleeper);
    }

    /** Most requests WireMock's journal keeps (oldest dropped first). */
    public SandboxOptions journalLimit(int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("journal limit must be 1 or more, not " + entries);
        }
        return new SandboxOptions(ratePerMinute, tokenLifetime, jwtTokens, auditQueryPolls, clock, port,
                mappingsDirectory, entries, adminApi, sleeper);
    }

    /**
     * Open WireMock's HTTP admin API ({@code /__admin}) on the sandbox port. Off by default: its
     * request journal holds every uploaded private key and bearer token, and any local process
     * could read it. The Java API ({@link Sandbox#server()}) works either way.
     */
    public SandboxOptions adminApi(boolean open) {
        return new SandboxOptions(ratePerMinute, tokenLifetime, jwtTokens, auditQueryPolls, clock, port,
                mappingsDirectory, journalLimit, open, sleeper);
    }

    /**
     * How {@code delay} faults hold back an answer; the default sleeps the request's thread. Tests
     * pass one that moves their clock instead.
     */
    public SandboxOptions sleeper(Sleeper delays) {
        return new SandboxOptions(ratePerMinute, tokenLifetime, jwtTokens, auditQueryPolls, clock, port,
                mappingsDirectory, journalLimit, adminApi, Objects.requireNonNull(delays, "sleeper"));
    }

    static int checkRate(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("rate must be 1 or more requests per minute, not " + perMinute);
        }
        return perMinute;
    }

    static Duration checkLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, not " + lifetime);
        }
        return lifetime;
    }

    static int checkPolls(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("audit query polls must be 1 or more, not " + polls);
        }
        return polls;
    }

    public int ratePerMinute() {
        return ratePerMinute;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    public boolean jwtTokens() {
        return jwtTokens;
    }

    public int auditQueryPolls() {
        return auditQueryPolls;
    }

    public Clock clock() {
        return clock;
    }

    public int port() {
        return port;
    }

    public Optional<Path> mappingsDirectory() {
        return Optional.ofNullable(mappingsDirectory);
    }

    public int journalLimit() {
        return journalLimit;
    }

    public boolean adminApi() {
        return adminApi;
    }

    public Sleeper sleeper() {
        return sleeper;
    }
}
