package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void callbacksRunOnceAndLateRegistrationsRunAtOnce() {
        Cancellation cancellation = Cancellation.create();
        AtomicInteger calls = new AtomicInteger();
        cancellation.onCancel(calls::incrementAndGet);
        Cancellation.Registration removed = cancellation.onCancel(calls::incrementAndGet);
        removed.close();
        cancellation.cancel();
        cancellation.cancel();
        assertThat(calls).hasValue(1);
        cancellation.onCancel(calls::incrementAndGet);
        assertThat(calls).hasValue(2);
        assertThatThrownBy(() -> cancellation.throwIfCancelled("deploy")).hasMessage("deploy cancelled");
    }

    @Test
    void neverCannotBeCancelled() {
        Cancellation.never().cancel();
        assertThat(Cancellation.never().isCancelled()).isFalse();
    }
}
