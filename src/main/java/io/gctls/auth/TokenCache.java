package io.gctls.auth;

import io.gctls.core.DaemonThreads;
import io.gctls.core.Json;
import io.gctls.core.PrivateDirs;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens kept on disk between one-shot runs, one file per login URL and client id, as the
 * official Genesys CLI does: {@code $XDG_CACHE_HOME/gctls/tokens/<hash>.json}, folders 0700, files
 * 0600. The client secret is never stored. Like ssh with {@code ~/.ssh}, a folder that is a link or
 * someone else's is not used, one open to others is made private, and a token file anyone else can
 * read is ignored and deleted; each is said in one line. A login through the cache holds a file
 * lock, so that runs started together (a CI matrix) share one login instead of making one each.
 */
public final class TokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** How long a run waits for another run's login before logging in itself. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(90);
    /** A JVM holds a file lock for all its threads, so threads of one process also queue here first. */
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
    /** Waiting for a lock blocks: never on an event-loop thread. Daemon threads, so a one-shot run can end. */
    private static final ExecutorService LOCKER = Executors.newCachedThreadPool(DaemonThreads.named("gctls-token-lock"));

    private final Path root;
    private final Path folder;
    private final Consumer<String> warnings;
    private volatile Boolean usable;

    /** {@code cacheDir} is gctls's cache folder ({@code $XDG_CACHE_HOME/gctls}); problems are logged as warnings. */
    public TokenCache(Path cacheDir) {
        this(cacheDir, message -> LOG.warn("{}", message));
    }

    /** As {@link #TokenCache(Path)}, telling {@code warnings} what was wrong with the folders or files. */
    public TokenCache(Path cacheDir, Consumer<String> warnings) {
        this.root = cacheDir;
        this.folder = cacheDir.resolve("tokens");
        this.warnings = warnings;
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

    /** Checks the folders once per cache, repairing what it can and saying what it found. */
    private boolean usable() {
        Boolean known = usable;
        if (known == null) {
            synchronized (this) {
                if (usable == null) {
                    PrivateDirs.Check check = PrivateDirs.secure(root, folder);
                    check.note().ifPresent(note -> warnings.accept("token cache: " + note));
                    usable = check.usable();
                }
                known = usable;
            }
        }
        return known;
    }

    /** A cached token for this login URL and client that has not expired yet. */
    public Optional<Token> load(String loginUrl, String clientId, Instant now) {
        if (!usable()) {
            return Optional.empty();
        }
        Path file = fileFor(loginUrl, clientId);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            if (readableByOthers(file) || !ownedByMe(file)) {
                warnings.accept("token cache: " + file + (readableByOthers(file) ? " could be read by others"
                        : " is not yours") + "; deleted it (the next login writes a private one)");
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
        if (!usable()) {
            return;
        }
        Path file = fileFor(loginUrl, clientId);
        try {
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

    /**
     * Runs {@code work} (look in the cache again, else log in and store) while holding this login's
     * lock: other runs of gctls, and other threads of this one, that need the same login wait for it
     * and then find its token. A lock that cannot be had within {@link #LOCK_WAIT} (a run that hangs)
     * is given up on, and the work done anyway: a second login costs less than no login.
     */
    public <T> Future<T> underLock(String loginUrl, String clientId, Supplier<Future<T>> work) {
        Path lockFile = folder.resolve(key(loginUrl, clientId) + ".lock");
        Promise<T> done = Promise.promise();
        LOCKER.execute(() -> {
            Runnable release = acquire(lockFile);
            Future<T> result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                result = Future.failedFuture(e);
            }
            result.onComplete(outcome -> {
                release.run();
                done.handle(outcome);
            });
        });
        return done.future();
    }

    private Runnable acquire(Path lockFile) {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        Semaphore local = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new Semaphore(1));
        boolean haveLocal;
        try {
            haveLocal = local.tryAcquire(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            haveLocal = false;
        }
        Runnable releaseLocal = haveLocal ? local::release : () -> { };
        if (!usable()) {
            return releaseLocal;
        }
        try {
            FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            FileLock lock = channel.tryLock();
            // polled rather than lock(): a blocked lock() cannot be given up on after LOCK_WAIT
            while (lock == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
                lock = channel.tryLock();
            }
            if (lock == null) {
                warnings.accept("token cache: another gctls has held " + lockFile + " for " + LOCK_WAIT.toSeconds()
                        + " s; logging in without waiting for it");
            }
            FileLock held = lock;
            return () -> {
                try {
                    if (held != null) {
                        held.release();
                    }
                    channel.close();
                } catch (IOException e) {
                    // closing the channel releases the lock in any case
                }
                releaseLocal.run();
            };
        } catch (IOException | UnsupportedOperationException | java.nio.channels.OverlappingFileLockException e) {
            LOG.info("token cache: no lock file ({}); logging in without one", e.getClass().getSimpleName());
            return releaseLocal;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return releaseLocal;
        }
    }

    private static boolean ownedByMe(Path file) throws IOException {
        try {
            return Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
        } catch (UnsupportedOperationException e) {
            return true;
        }
    }

    private static boolean readableByOthers(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
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
