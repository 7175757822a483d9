package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void percentilesPerStepInFirstSeenOrder() {
        Metrics metrics = new Metrics();
        for (int i = 1; i <= 100; i++) {
            metrics.record("deploy", Duration.ofMillis(i));
        }
        metrics.record("login", Duration.ofMillis(250));
        var stats = metrics.snapshot();
        assertThat(stats).extracting(Metrics.StepStats::step).containsExactly("deploy", "login");
        Metrics.StepStats deploy = stats.get(0);
        assertThat(deploy.count()).isEqualTo(100);
        assertThat(deploy.p50Ms()).isBetween(49.9, 50.1);
        assertThat(deploy.p95Ms()).isBetween(94.9, 95.1);
        assertThat(deploy.p99Ms()).isBetween(98.9, 99.1);
        assertThat(deploy.maxMs()).isBetween(99.9, 100.1);
    }

    @Test
    void snapshotsAccumulateAndTimersUseTheInjectedClock() {
        AtomicLong now = new AtomicLong();
        Metrics metrics = new Metrics(now::get);
        Metrics.Timer timer = metrics.start("validate");
        now.addAndGet(Duration.ofMillis(12).toNanos());
        assertThat(timer.stop()).isEqualTo(Duration.ofMillis(12));
        timer.stop(); // a second stop does not record twice
        assertThat(metrics.snapshot().get(0).count()).isEqualTo(1);
        metrics.record("validate", Duration.ofMillis(30));
        assertThat(metrics.snapshot().get(0).count()).isEqualTo(2);
        metrics.reset();
        assertThat(metrics.snapshot()).isEmpty();
    }
}
