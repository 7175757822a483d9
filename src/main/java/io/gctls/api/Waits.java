package io.gctls.api;

import java.time.Duration;
import java.util.Locale;

/** Formats waits the way people read them: {@code 250 ms}, {@code 2.0 s}, {@code 1 min 30 s}. */
public final class Waits {

    private Waits() {
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
    }
}
