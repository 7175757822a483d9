package io.gctls.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The plan's and the fleet status's fan-out: results in order, Ctrl-C ends it at once, failures in words. */
class ParallelTest {

    @Test
    void resultsComeInTheItemsOrder() {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        assertThat(Parallel.map(items, 4, "t", "squaring", i -> i * i, Cancellation.never()))
                .isEqualTo(items.stream().map(i -> i * i).toList());
    }

    @Test
    void ctrlCWhileItemsStillWaitForAThreadEndsAtOnceAsInterrupted() {
        Cancellation cancellation = Cancellation.create();
        CountDownLatch never = new CountDownLatch(1);
        // one thread, ten items: the first blocks until Ctrl-C, nine never start
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() ->
                Parallel.map(IntStream.range(0, 10).boxed().toList(), 1, "t", "inspecting the bundles", i -> {
                    cancellation.cancel();
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return i;
                }, cancellation))
                .isInstanceOfSatisfying(GctlsException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED)));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void ctrlCWhileItemsAreStillBeingHandedOutIsInterruptedNotARejection() {
        // the first item presses Ctrl-C at once, while the others are still being submitted (a busy machine
        // makes that the common case): every run ends as interrupted
        for (int run = 0; run < 50; run++) {
            Cancellation each = Cancellation.create();
            assertThatThrownBy(() -> Parallel.map(IntStream.range(0, 2_000).boxed().toList(), 2, "t", "probing", i -> {
                each.cancel();
                return i;
            }, each)).isInstanceOfSatisfying(GctlsException.class,
                    e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
        }
    }

    @Test
    void aKnownFailurePassesOnAndAnyOtherIsSaidInWords() {
        assertThatThrownBy(() -> Parallel.map(List.of(1), 1, "t", "probing the fleet", i -> {
            throw GctlsException.usage("bad");
        }, Cancellation.never())).hasMessage("bad");
        assertThatThrownBy(() -> Parallel.map(List.of(1), 1, "t", "probing the fleet", i -> {
            throw new IllegalStateException("no socket");
        }, Cancellation.never())).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INTERNAL);
            assertThat(e.getMessage()).isEqualTo("probing the fleet failed: an unexpected failure: no socket");
        });
    }
}
