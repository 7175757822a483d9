package io.gctls;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import io.gctls.core.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gets Jackson ready on another thread while a one-shot command that will print JSON does its work.
 *
 * <p>The first JSON document of a process costs about a third of a one-shot
 * {@code cert inspect --output json}: building the mapper (its date format alone asks the JDK for
 * every locale's calendar data), then finding how to write records, enums, lists, maps and times,
 * all in code that runs once. Serialising a small document of the same kinds of values on another
 * thread takes most of that off the main thread (about 70 ms of its CPU); what is left there is
 * the command's own result types. The wall-clock gain depends on a free core: on two cores shared
 * with the JIT compiler it was about 10 ms (scripts/bench-startup).
 *
 * <p>This is a head start only: the command's own output goes through {@link Json} as always, and
 * the JVM makes it wait for whatever part of Jackson this thread is still initialising.
 */
final class JsonWarmup {

    private JsonWarmup() {
    }

    static void start() {
        new Worker().start();
    }

    /** A class of its own rather than a lambda: the first lambda of a process costs the starting thread. */
    private static final class Worker extends Thread {
        Worker() {
            super("gctls-json-warmup");
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                Json.pretty(sample());
            } catch (RuntimeException e) {
                // only a head start: the command's own output reports any real problem
            }
        }
    }

    static Object sample() {
        Instant now = Instant.EPOCH;
        return new Sample(Level.LOW, List.of(new Item(0, "a", 1, null, List.of("b"), true, 0.5, now, Optional.empty(),
                Map.of("c", "d"), "hidden")), List.of(), new Nested(false, List.of(), List.of("e")));
    }

    /** The kinds of values gctls's results are made of: records, enums written through a value, boxed nulls. */
    private enum Level {
        LOW;

        @JsonValue
        String json() {
            return "low";
        }
    }

    private record Sample(Level level, List<Item> items, List<String> none, Nested nested) {
    }

    private record Item(int index, String name, long count, Integer missing, List<String> names, boolean flag,
            double ms, Instant at, Optional<String> maybe, Map<String, String> data, @JsonIgnore String hidden) {
    }

    private record Nested(boolean offline, List<Item> items, List<String> skipped) {
    }
}
