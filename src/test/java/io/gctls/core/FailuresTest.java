package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.api.Await;
import io.vertx.core.Future;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Exit-70 failures in words: no Java class name ever reaches the one line. */
class FailuresTest {

    @Test
    void commonFailuresAreSaidInWords() {
        assertThat(Failures.inWords(new NullPointerException("Cannot invoke \"Object.toString()\"")))
                .isEqualTo("a value it needed was missing");
        assertThat(Failures.inWords(new OutOfMemoryError("Java heap space")))
                .isEqualTo("it ran out of memory (more can be given with GCTLS_JAVA_OPTS=-Xmx...): Java heap space");
        assertThat(Failures.inWords(new ArrayIndexOutOfBoundsException(3))).isEqualTo("it read past the end of a list");
        assertThat(Failures.inWords(new java.io.UncheckedIOException("x", new AccessDeniedException("/s/j.jsonl"))))
                .isEqualTo("reading or writing failed on '/s/j.jsonl': permission denied");
    }

    @Test
    void classNamesInsideMessagesAreDropped() {
        assertThat(Failures.inWords(new IllegalStateException("wrapped java.lang.IllegalArgumentException: bad curve")))
                .isEqualTo("an unexpected failure: wrapped bad curve");
        assertThat(Failures.inWords(new RuntimeException(new IllegalStateException("SomeException"))))
                .isEqualTo("an unexpected failure");
    }

    @Test
    void awaitNamesWhatFailedWithoutTheClass() {
        Assertions.assertThatThrownBy(() -> Await.result(Future.failedFuture(new IllegalStateException("no slot")),
                Cancellation.create(), Duration.ofSeconds(1), "waiting for a slot"))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INTERNAL);
                    assertThat(e.getMessage()).isEqualTo("waiting for a slot failed: an unexpected failure: no slot");
                });
    }
}
