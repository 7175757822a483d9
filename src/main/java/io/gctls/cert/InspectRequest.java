package io.gctls.cert;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to inspect: the files of {@code cert inspect} and how to judge them.
 *
 * @param trust trust anchors (PEM or DER, one or more); empty means the JDK's default trust store
 * @param warnDays {@code expires-soon} fires when the leaf expires within this many days
 */
public record InspectRequest(Path cert, Optional<Path> key, Optional<Path> chain, Optional<String> domain,
        Optional<Path> trust, Optional<Path> passwordFile, int warnDays, boolean offline, Optional<String> alias) {

    public static final int DEFAULT_WARN_DAYS = InspectOptions.DEFAULT_WARN_DAYS;

    public InspectRequest(Path cert, Optional<Path> key, Optional<Path> chain, Optional<String> domain,
            Optional<Path> trust, Optional<Path> passwordFile, int warnDays) {
        this(cert, key, chain, domain, trust, passwordFile, warnDays, false, Optional.empty());
    }

    public InspectRequest {
        Objects.requireNonNull(cert, "cert");
        alias = alias == null ? Optional.empty() : alias;
        if (warnDays < 0) {
            throw new IllegalArgumentException("warnDays must not be negative");
        }
    }

    public static InspectRequest of(Path cert) {
        return new InspectRequest(cert, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), DEFAULT_WARN_DAYS);
    }

    /** How to judge what the files hold. */
    public InspectOptions options() {
        return new InspectOptions(domain, warnDays, offline, alias);
    }

    public InspectRequest withKey(Path file) {
        return new InspectRequest(cert, Optional.ofNullable(file), chain, domain, trust, passwordFile, warnDays, offline, alias);
    }

    public InspectRequest withChain(Path file) {
        return new InspectRequest(cert, key, Optional.ofNullable(file), domain, trust, passwordFile, warnDays, offline, alias);
    }

    public InspectRequest withDomain(String name) {
        return new InspectRequest(cert, key, chain, Optional.ofNullable(name), trust, passwordFile, warnDays, offline, alias);
    }

    public InspectRequest withTrust(Path file) {
        return new InspectRequest(cert, key, chain, domain, Optional.ofNullable(file), passwordFile, warnDays, offline, alias);
    }

    public InspectRequest withPasswordFile(Path file) {
        return new InspectRequest(cert, key, chain, domain, trust, Optional.ofNullable(file), warnDays, offline, alias);
    }

    /** No AIA, OCSP or CRL fetch. */
    public InspectRequest withOffline(boolean off) {
        return new InspectRequest(cert, key, chain, domain, trust, passwordFile, warnDays, off, alias);
    }

    public InspectRequest withAlias(String name) {
        return new InspectRequest(cert, key, chain, domain, trust, passwordFile, warnDays, offline,
                Optional.ofNullable(name));
    }

    public InspectRequest withWarnDays(int days) {
        return new InspectRequest(cert, key, chain, domain, trust, passwordFile, days, offline, alias);
    }
}
