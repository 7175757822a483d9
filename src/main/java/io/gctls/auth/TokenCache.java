package io.gctls.auth;

import io.gctls.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens kept on disk between one-shot runs, one file per login URL and client id, as the
 * official Genesys CLI does: {@code $XDG_CACHE_HOME/gctls/tokens/<hash>.json}, folder 0700, files
 * 0600. The client secret is never stored. A file anyone else can read is ignored and deleted.
 */
public final class TokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path folder;

    public TokenCache(Path cacheDir) {
        this.folder = cacheDir.resolve("tokens");
    }

    /** What is stored: the token and whom it belongs to. */
    record Entry(String loginUrl, String clientId, String accessToken, String tokenType, Instant issuedAt,
            Instant expiresAt) {
        @Override
        public String toString() {
            return "Entry[" + loginUrl + ", " + clientId + "]";
        }
    }

    public Path fileFor(String loginUrl, String clientId) {
        return folder.resolve(key(loginUrl, clientId) + ".json");
    }

    /** A cached token for this login URL and client that has not expired yet. */
    public Optional<Token> load(String loginUrl, String clientId, Instant now) {
        Path file = fileFor(loginUrl, clientId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (readableByOthers(file)) {
                LOG.warn("ignoring token cache {}: readable by others", file);
                delete(loginUrl, clientId);
                return Optional.empty();
            }
            Entry entry = Json.mapper().readValue(Files.readString(file, StandardCharsets.UTF_8), Entry.class);
            if (entry.accessToken() == null || !loginUrl.equals(entry.loginUrl()) || !clientId.equals(entry.clientId())
                    || entry.expiresAt() == null || !now.isBefore(entry.expiresAt())) {
                return Optional.empty();
            }
            return Optional.of(new Token(entry.accessToken(), entry.tokenType(), entry.issuedAt(), entry.expiresAt(),
                    "cache"));
        } catch (IOException | RuntimeException e) {
            LOG.info("ignoring unreadable token cache {}: {}", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Stores the token. A small local write, once per login; it runs on whichever thread finished
     * the login, and a cache that cannot be written only costs the next one-shot run a login.
     */
    public void store(String loginUrl, String clientId, Token token) {
        Path file = fileFor(loginUrl, clientId);
        try {
            createPrivateFolder();
            Path temp = Files.createTempFile(folder, ".token", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Entry entry = new Entry(loginUrl, clientId, token.accessToken(), token.tokenType(), token.issuedAt(),
                        token.expiresAt());
                Files.writeString(temp, Json.compact(entry), StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info("token cache not written ({}): the next run logs in again", e.getClass().getSimpleName());
        }
    }

    public boolean delete(String loginUrl, String clientId) {
        try {
            return Files.deleteIfExists(fileFor(loginUrl, clientId));
        } catch (IOException e) {
            return false;
        }
    }

    private void createPrivateFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // another run made it at the same moment
            }
        }
    }

    private static boolean readableByOthers(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    static String key(String loginUrl, String clientId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((loginUrl + "\n" + clientId)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
