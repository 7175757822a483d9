package io.gctls.rotate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One domain of a rotation and the files of its new certificate, as a manifest row or a folder
 * named them (paths already resolved against the manifest's folder).
 *
 * @param domain lower case, without a trailing dot
 * @param key empty when {@code cert} is a keystore holding the key
 * @param origin where it came from, for messages: {@code fleet.csv line 4} or {@code folder D/www.example.com}
 */
public record Bundle(String domain, Path cert, Optional<Path> key, Optional<Path> chain, Optional<Path> passwordFile,
        String origin) {

    public Bundle {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(origin, "origin");
    }
}
