package io.gctls.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every file gctls reads on a user's word (certificates, keys, chains, trust anchors, password and
 * secret files, command files, profiles) is read here, so that no kind of file can hang a command,
 * exhaust memory or end it with an internal error.
 *
 * <p>The size cap applies to the bytes actually read, not to what {@code stat} reports: a device
 * ({@code /dev/zero}) or a pipe reports size 0 and never ends. A regular file is read on the
 * caller's thread. Anything else (a FIFO, a process substitution like {@code <(cmd)}, a device) is
 * read on a daemon thread while the caller waits for it, for Ctrl-C and for a bounded time: opening
 * a FIFO nobody writes to blocks inside the kernel, where no Java interrupt reaches it.
 */
public final class InputFiles {

    /** How long a pipe or device may stay silent before the read is given up. */
    public static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(10);

    private static final int CHUNK = 8192;

    private InputFiles() {
    }

    /**
     * Reads at most {@code maxBytes} bytes of {@code path}.
     *
     * @param what how the file is named in messages, e.g. {@code --cert} or {@code command file}
     * @throws GctlsException exit 3 for a missing, unreadable, oversized or silent file, with one line
     *     naming it; exit 130 when cancelled
     */
    public static byte[] read(Path path, String what, long maxBytes, Cancellation cancellation) {
        return read(path, what, maxBytes, cancellation, DEFAULT_PATIENCE);
    }

    public static byte[] read(Path path, String what, long maxBytes, Cancellation cancellation, Duration patience) {
        BasicFileAttributes attributes = attributes(path, what);
        if (attributes.isDirectory()) {
            throw cannot(path, what, "it is a directory");
        }
        cancellation.throwIfCancelled("reading " + what + " " + path);
        if (attributes.isRegularFile()) {
            try (InputStream in = Files.newInputStream(path)) {
                return readCapped(in, path, what, maxBytes, cancellation);
            } catch (IOException e) {
                throw cannot(path, what, why(e));
            }
        }
        return readStream(path, what, maxBytes, cancellation, patience);
    }

    /**
     * Reads a file holding a secret (a client secret, a key password): refused when group or others
     * may read it, because the secret is already exposed to them.
     */
    public static byte[] readSecret(Path path, String what, long maxBytes, Cancellation cancellation) {
        attributes(path, what); // a missing file is "no such file", not a permission problem
        refuseIfShared(path, what);
        return read(path, what, maxBytes, cancellation);
    }

    /**
     * Refuses a file group or others can read (exit 3, naming the chmod that fixes it). A pipe
     * ({@code <(pass show x)}) and files on non-POSIX file systems are not checked: they have no
     * such bits to go wrong.
     */
    public static void refuseIfShared(Path path, String what) {
        Set<PosixFilePermission> permissions;
        try {
            if (!Files.isRegularFile(path)) {
                return;
            }
            permissions = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException e) {
            return;
        } catch (IOException e) {
            throw cannot(path, what, why(e));
        }
        if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            throw GctlsException.input("refusing to read the " + what + " from " + path + ": other users can read it"
                    + " (run: chmod 600 " + path + ")");
        }
    }

    private static BasicFileAttributes attributes(Path path, String what) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw cannot(path, what, why(e));
        }
    }

    private static byte[] readCapped(InputStream in, Path path, String what, long maxBytes, Cancellation cancellation)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw cannot(path, what, "it holds more than " + size(maxBytes)
                        + ", far more than such a file ever does (a device or a stream that never ends?)");
            }
            out.write(buffer, 0, n);
            cancellation.throwIfCancelled("reading " + what + " " + path);
        }
        return out.toByteArray();
    }

    private static byte[] readStream(Path path, String what, long maxBytes, Cancellation cancellation,
            Duration patience) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = Files.newInputStream(path)) {
                result.complete(readCapped(in, path, what, maxBytes, cancellation));
            } catch (IOException e) {
                result.completeExceptionally(cannot(path, what, why(e)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "gctls-read");
        reader.setDaemon(true);
        try (Cancellation.Registration onCancel = cancellation.onCancel(() -> result.completeExceptionally(
                GctlsException.interrupted("reading " + what + " " + path)))) {
            reader.start();
            return result.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw cannot(path, what, "nothing arrived within " + (patience.toMillis() % 1000 == 0
                    ? patience.toSeconds() + " s" : patience.toMillis() + " ms") + " (a pipe nobody writes to?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GctlsException.interrupted("reading " + what + " " + path);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GctlsException failure) {
                throw failure;
            }
            throw cannot(path, what, String.valueOf(e.getCause().getMessage()));
        } finally {
            if (!result.isDone() || result.isCompletedExceptionally()) {
                release(path, reader);
            }
        }
    }

    /**
     * A reader blocked opening a FIFO is released by opening its other end: the open completes and the
     * reader sees end of file at once. Otherwise the daemon thread is left to end with the process.
     */
    private static void release(Path path, Thread reader) {
        if (!reader.isAlive()) {
            return;
        }
        Thread opener = new Thread(() -> {
            try (OutputStream ignored = Files.newOutputStream(path, java.nio.file.StandardOpenOption.WRITE)) {
                // opened and closed: the blocked reader wakes up with end of file
            } catch (IOException | RuntimeException e) {
                // not a FIFO, or gone: nothing to release
            }
        }, "gctls-read-release");
        opener.setDaemon(true);
        opener.start();
    }

    private static GctlsException cannot(Path path, String what, String why) {
        // a path is user input: a 100 KB one is quoted cut short, with its length
        return GctlsException.input("cannot read " + what + " " + Quote.shortened(path.toString(), 200) + ": " + why);
    }

    /** One phrase for an I/O failure, without Java class names. */
    public static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a folder on its path is a file";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "the file system refused to read it"
                : message.lines().findFirst().orElse("").strip();
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
