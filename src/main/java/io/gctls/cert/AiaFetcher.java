package io.gctls.cert;

import io.gctls.core.Cancellation;
import io.gctls.core.GctlsException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Fetches the issuer named by a certificate's CA Issuers (AIA) URL: DER, PEM or a PKCS#7
 * ({@code .p7c}) bundle, at most {@value #MAX_BYTES} bytes, through {@link Network}. Answers are
 * kept under {@code $XDG_CACHE_HOME/gctls/aia/} (one file per URL) for {@link #CACHE_FOR}: issuing CA
 * certificates change rarely, and an engineer runs the same inspection many times in an incident.
 */
final class AiaFetcher {

    static final int MAX_BYTES = 256 * 1024;
    static final Duration CACHE_FOR = Duration.ofDays(7);

    /** What one URL gave: certificates, or why none. */
    record Fetch(String url, List<X509Certificate> certificates, String failure, boolean cached) {
    }

    private final Network network;
    private final Optional<Path> cacheDir;
    private final Clock clock;

    AiaFetcher(Network network, Optional<Path> cacheDir, Clock clock) {
        this.network = network;
        this.cacheDir = cacheDir;
        this.clock = clock;
    }

    Fetch fetch(String url, Cancellation cancellation) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Fetch(url, List.of(), "not a URL", false);
        }
        Optional<byte[]> cached = cached(url);
        if (cached.isPresent()) {
            List<X509Certificate> certificates = parse(cached.get(), url);
            if (!certificates.isEmpty()) {
                return new Fetch(url, certificates, null, true);
            }
        }
        try {
            Network.Response response = network.get(uri, MAX_BYTES, cancellation);
            if (!response.ok()) {
                return new Fetch(url, List.of(), "HTTP " + response.status(), false);
            }
            List<X509Certificate> certificates = parse(response.body(), url);
            if (certificates.isEmpty()) {
                return new Fetch(url, List.of(), "the answer holds no certificate", false);
            }
            store(url, response.body());
            return new Fetch(url, certificates, null, false);
        } catch (GctlsException e) {
            throw e; // cancelled: the command ends here
        } catch (IOException e) {
            return new Fetch(url, List.of(), e.getMessage() == null ? "the fetch failed" : e.getMessage(), false);
        }
    }

    private static List<X509Certificate> parse(byte[] body, String url) {
        return CryptoFileReader.parse(body, Path.of("aia"), url).certificates();
    }

    private Optional<byte[]> cached(String url) {
        if (cacheDir.isEmpty()) {
            return Optional.empty();
        }
        Path file = cacheDir.get().resolve(name(url));
        try {
            if (!Files.isRegularFile(file) || Files.getLastModifiedTime(file).toInstant()
                    .isBefore(clock.instant().minus(CACHE_FOR)) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty(); // an unreadable cache entry is fetched again
        }
    }

    private void store(String url, byte[] body) {
        if (cacheDir.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(cacheDir.get());
            Path temp = Files.createTempFile(cacheDir.get(), ".aia", ".tmp");
            Files.write(temp, body);
            Files.move(temp, cacheDir.get().resolve(name(url)), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // a cache that cannot be written only costs the next run a fetch
        }
    }

    private static String name(String url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(url.getBytes(StandardCharsets.UTF_8))) + ".crt";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
