package io.gctls.cert;

import io.gctls.core.Cancellation;
import io.gctls.core.InputFiles;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What one inspection looks at, parsed and labelled with where each part came from: files read at
 * the edge ({@link #read}) or a chain a server sent ({@link #served}). The inspector never opens a
 * file itself.
 *
 * @param cert the leaf, maybe followed by its chain (and a key, haproxy style); or the served chain
 * @param password the first line of {@code --password-file}, when one was given
 * @param stapledOcsp the OCSP response a server stapled for its leaf, when it sent one
 */
public record Material(CryptoFile cert, Optional<CryptoFile> key, Optional<CryptoFile> chain,
        Optional<CryptoFile> trust, Optional<char[]> password, Optional<byte[]> stapledOcsp) {

    /**
     * Reads every file the request names, before any password is asked for, so that a typo in a path
     * fails fast.
     *
     * @throws io.gctls.core.GctlsException exit 3 when a file cannot be read, 130 when cancelled
     */
    public static Material read(InspectRequest request, Cancellation cancellation) {
        CryptoFile cert = CryptoFileReader.read(request.cert(), "--cert", cancellation);
        Optional<CryptoFile> key = request.key().map(p -> CryptoFileReader.read(p, "--key", cancellation));
        Optional<CryptoFile> chain = request.chain().map(p -> CryptoFileReader.read(p, "--chain", cancellation));
        Optional<CryptoFile> trust = readTrust(request.trust(), cancellation);
        Optional<char[]> password = request.passwordFile().map(p -> PasswordSource.firstLine(
                InputFiles.readSecret(p, "--password-file", PasswordSource.MAX_FILE_BYTES, cancellation)));
        return new Material(cert, key, chain, trust, password, Optional.empty());
    }

    /**
     * The chain a server sent, leaf first, judged against {@code trust} (else the default anchors).
     *
     * @param server how to name the server in findings, e.g. {@code www.example.com:443}
     */
    public static Material served(String server, List<X509Certificate> chain, Optional<CryptoFile> trust,
            Optional<byte[]> stapledOcsp) {
        return new Material(CryptoFile.served(server, chain), Optional.empty(), Optional.empty(), trust,
                Optional.empty(), stapledOcsp);
    }

    /** Reads a {@code --trust} file of anchors (PEM or DER, one or more). */
    public static Optional<CryptoFile> readTrust(Optional<Path> file, Cancellation cancellation) {
        return file.map(p -> CryptoFileReader.read(p, "--trust", cancellation));
    }

    boolean served() {
        return cert.isServed();
    }

    /** Never prints a password. */
    @Override
    public String toString() {
        return "Material[cert=" + cert.describe() + ", key=" + key.map(CryptoFile::describe).orElse("none") + "]";
    }
}
