package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void threadsAreDaemonsNamedInTheOrderTheyAreMade() {
        ThreadFactory factory = DaemonThreads.named("gctls-work");
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });
        Thread third = factory.newThread(() -> { });

        assertThat(first.getName()).isEqualTo("gctls-work");
        assertThat(second.getName()).isEqualTo("gctls-work-2");
        assertThat(third.getName()).isEqualTo("gctls-work-3");
        assertThat(first.isDaemon() && second.isDaemon() && third.isDaemon()).isTrue();
    }
}
