package io.gctls.core;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * Durations as people type them: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}, or
 * ISO-8601 {@code PT5S}. Spring Boot's {@link DurationStyle} does the parsing (it knows the same
 * units, {@code ns} to {@code d}); gctls only adds what a command line needs on top: a number
 * without a unit is refused rather than read as milliseconds ({@code --timeout 30} is not 30 ms),
 * only ASCII digits count ({@code ٣s} is not three seconds), and a negative duration is never a
 * wait anyone meant.
 */
public final class Durations {

    /** What {@link DurationStyle#SIMPLE} accepts, minus the bare number. */
    private static final Pattern SIMPLE = Pattern.compile("[+]?[0-9]+[a-zA-Z]{1,2}");
    private static final Pattern ISO = Pattern.compile("[+-]?[pP][0-9a-zA-Z.,+-]*");

    private Durations() {
    }

    /** @throws IllegalArgumentException when the text is not one of the accepted forms, or is negative */
    public static Duration parse(String value) {
        String v = value.strip();
        if (!SIMPLE.matcher(v).matches() && !ISO.matcher(v).matches()) {
            throw new IllegalArgumentException(v.startsWith("-") ? "a duration cannot be negative"
                    : v.matches("[+]?[0-9]+") ? "a number needs a unit (ms, s, m, h or d)" : "not a duration");
        }
        Duration parsed;
        try {
            parsed = DurationStyle.detectAndParse(v);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("not a duration", e);
        }
        if (parsed.isNegative()) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        return parsed;
    }

    /** The shortest exact form in the units {@link #parse} reads back: {@code 2m}, {@code 90s}, {@code 500ms}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long ms = d.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms % sizes[i] == 0) {
                return ms / sizes[i] + units[i];
            }
        }
        return ms + "ms";
    }
}
