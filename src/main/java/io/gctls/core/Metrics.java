package io.gctls.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency per step for this session (login, validate, build, deploy, reconcile, audit, total),
 * recorded in HdrHistogram so that percentiles are exact to three significant digits rather
 * than averaged away or printed one duration at a time, which says nothing about the slow tail.
 */
public final class Metrics {

    /** Up to one hour per step, in microseconds, 3 significant digits. */
    private static final long HIGHEST_TRACKABLE_MICROS = Duration.ofHours(1).toNanos() / 1_000;

    private final Map<String, Histogram> totals = new ConcurrentHashMap<>();
    private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final LongSupplier nanoTime;

    public Metrics() {
        this(System::nanoTime);
    }

    public Metrics(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Starts timing a step; close the returned timer to record it. */
    public Timer start(String step) {
        return new Timer(step, nanoTime.getAsLong());
    }

    public void record(String step, Duration elapsed) {
        long micros = Math.max(0, Math.min(elapsed.toNanos() / 1_000, HIGHEST_TRACKABLE_MICROS));
        recorders.computeIfAbsent(step, s -> {
            order.add(s);
            return new Recorder(HIGHEST_TRACKABLE_MICROS, 3);
        }).recordValue(micros);
    }

    /** Count and percentiles per step, in the order the steps first ran. */
    public synchronized List<StepStats> snapshot() {
        List<StepStats> stats = new ArrayList<>();
        for (String step : order) {
            Histogram total = totals.computeIfAbsent(step, s -> new Histogram(HIGHEST_TRACKABLE_MICROS, 3));
            total.add(recorders.get(step).getIntervalHistogram());
            if (total.getTotalCount() > 0) {
                stats.add(new StepStats(step, total.getTotalCount(), percentile(total, 50), percentile(total, 95),
                        percentile(total, 99), percentile(total, 100)));
            }
        }
        return stats;
    }

    public synchronized void reset() {
        totals.clear();
        recorders.clear();
        order.clear();
    }

    /** The middle of the percentile's bucket, not its upper edge, so 120 ms reads as 120.0. */
    private static double percentile(Histogram histogram, double percentile) {
        return millis(histogram.medianEquivalentValue(histogram.getValueAtPercentile(percentile)));
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    /** One step's figures, in milliseconds. */
    public record StepStats(String step, long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
    }

    public final class Timer implements AutoCloseable {
        private final String step;
        private final long started;
        private boolean stopped;

        private Timer(String step, long started) {
            this.step = step;
            this.started = started;
        }

        public Duration stop() {
            Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - started);
            if (!stopped) {
                stopped = true;
                record(step, elapsed);
            }
            return elapsed;
        }

        @Override
        public void close() {
            stop();
        }
    }
}
