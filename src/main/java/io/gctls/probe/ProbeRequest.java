package io.gctls.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One probe: the name to ask for (SNI, and to judge the certificate against), where to connect,
 * and how to judge what is served.
 *
 * @param target the HOST[:PORT] given
 * @param address where to connect: {@code target} itself, {@code --connect}, or the sandbox's TLS port
 * @param route how {@code address} was chosen
 * @param expectCert the certificate the server should serve as its leaf
 * @param trust trusted root(s) to judge the served chain against; empty means the JDK trust store
 * @param note why this address, for the report; empty for the route's own words
 * @param offline judge the served chain without fetching AIA, OCSP or CRL (a stapled answer is still read)
 */
public record ProbeRequest(HostPort target, HostPort address, Route route, Optional<Path> expectCert,
        Optional<Path> trust, Duration timeout, int warnDays, String note, boolean offline) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ProbeRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(route, "route");
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (warnDays < 0) {
            throw new IllegalArgumentException("warnDays must not be negative");
        }
        note = note == null ? "" : note;
    }

    /** A direct probe of {@code target}, judged against the JDK trust store. */
    public static ProbeRequest of(HostPort target) {
        return new ProbeRequest(target, target, Route.DIRECT, Optional.empty(), Optional.empty(), DEFAULT_TIMEOUT,
                io.gctls.cert.InspectRequest.DEFAULT_WARN_DAYS, "", false);
    }

    public ProbeRequest connectingTo(HostPort where, Route how) {
        return new ProbeRequest(target, where, how, expectCert, trust, timeout, warnDays, note, offline);
    }

    public ProbeRequest withExpectCert(Path file) {
        return new ProbeRequest(target, address, route, Optional.ofNullable(file), trust, timeout, warnDays, note, offline);
    }

    public ProbeRequest withTrust(Path file) {
        return new ProbeRequest(target, address, route, expectCert, Optional.ofNullable(file), timeout, warnDays, note, offline);
    }

    public ProbeRequest withTimeout(Duration limit) {
        return new ProbeRequest(target, address, route, expectCert, trust, limit, warnDays, note, offline);
    }

    public ProbeRequest withNote(String why) {
        return new ProbeRequest(target, address, route, expectCert, trust, timeout, warnDays, why, offline);
    }

    public ProbeRequest withOffline(boolean off) {
        return new ProbeRequest(target, address, route, expectCert, trust, timeout, warnDays, note, off);
    }

    public ProbeRequest withWarnDays(int days) {
        return new ProbeRequest(target, address, route, expectCert, trust, timeout, days, note, offline);
    }
}
