package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect: {@code --cert /dev/zero} ended in OutOfMemoryError (exit 70) and a FIFO with no writer
 * hung past Ctrl-C. Every kind of file is now read bounded by what is read, and cancellably.
 */
class InputFilesTest {

    @TempDir
    Path tmp;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anEndlessDeviceIsRefusedByWhatIsReadNotByItsReportedSize() {
        assertThatThrownBy(() -> InputFiles.read(Path.of("/dev/zero"), "--cert", 64 * 1024, Cancellation.never()))
                .isInstanceOf(GctlsException.class)
                .hasMessage("cannot read --cert /dev/zero: it holds more than 64 KiB, far more than such a file ever"
                        + " does (a device or a stream that never ends?)")
                .satisfies(e -> assertThat(((GctlsException) e).exitCode()).isEqualTo(ExitCode.INPUT));
    }

    @Test
    void aRegularFileOverTheCapIsRefused() throws Exception {
        Path big = Files.write(tmp.resolve("big.pem"), new byte[2049]);
        assertThatThrownBy(() -> InputFiles.read(big, "--chain", 2048, Cancellation.never()))
                .hasMessageStartingWith("cannot read --chain " + big + ": it holds more than 2 KiB");
        assertThat(InputFiles.read(Files.write(tmp.resolve("ok.pem"), new byte[2048]), "--chain", 2048,
                Cancellation.never())).hasSize(2048);
    }

    @Test
    void aFifoNobodyWritesToGivesUpAfterItsPatience() throws Exception {
        Path fifo = fifo("silent");
        long started = System.nanoTime();
        assertThatThrownBy(() -> InputFiles.read(fifo, "--cert", 1024, Cancellation.never(), Duration.ofMillis(300)))
                .isInstanceOf(GctlsException.class)
                .hasMessage("cannot read --cert " + fifo + ": nothing arrived within 300 ms (a pipe nobody writes to?)")
                .satisfies(e -> assertThat(((GctlsException) e).exitCode()).isEqualTo(ExitCode.INPUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void ctrlCEndsTheWaitOnAFifo() throws Exception {
        Path fifo = fifo("waiting");
        Cancellation cancellation = Cancellation.create();
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                InputFiles.read(fifo, "--key", 1024, cancellation, Duration.ofMinutes(5));
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        cancellation.cancel();
        Throwable thrown = failure.get(10, TimeUnit.SECONDS);
        assertThat(thrown).isInstanceOf(GctlsException.class).hasMessage("reading --key " + fifo + " cancelled");
        assertThat(((GctlsException) thrown).exitCode()).isEqualTo(ExitCode.INTERRUPTED);
    }

    @Test
    void aFifoWithAWriterIsReadLikeAFile() throws Exception {
        Path fifo = fifo("fed");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write("hello from a pipe\n".getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] read = InputFiles.read(fifo, "--password-file", 1024, Cancellation.never(), Duration.ofSeconds(10));
        writer.get(10, TimeUnit.SECONDS);
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo("hello from a pipe\n");
    }

    @Test
    void missingFilesAndFoldersAreOneLineWithoutJavaNames() {
        assertThatThrownBy(() -> InputFiles.read(tmp.resolve("nowhere"), "--cert", 10, Cancellation.never()))
                .hasMessage("cannot read --cert " + tmp.resolve("nowhere") + ": no such file");
        assertThatThrownBy(() -> InputFiles.read(tmp, "command file", 10, Cancellation.never()))
                .hasMessage("cannot read command file " + tmp + ": it is a directory");
    }

    @Test
    void aSecretFileOthersCanReadIsRefusedAndAPrivateOneIsRead() throws Exception {
        Path shared = Files.writeString(tmp.resolve("pw"), "secret\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> InputFiles.readSecret(shared, "key password", 100, Cancellation.never()))
                .hasMessage("refusing to read the key password from " + shared + ": other users can read it"
                        + " (run: chmod 600 " + shared + ")");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-------"));
        assertThat(InputFiles.readSecret(shared, "key password", 100, Cancellation.never())).hasSize(7);
    }

    private Path fifo(String name) throws Exception {
        Path fifo = tmp.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        return fifo;
    }
}
