package io.gctls.api;

import java.time.Duration;

/**
 * A wait before a request's next attempt, as the shell shows it while it counts down:
 * {@code 429 on POST /api/v2/customdomains, retrying in 12 s, attempt 3 of 6}.
 *
 * @param request the request, e.g. {@code POST /api/v2/customdomains}
 * @param reason what the last attempt got: {@code 429}, {@code 503}, {@code reset}, {@code timeout}
 * @param source where the wait comes from: {@code Retry-After}, {@code backoff}, ...
 * @param delay how long until the next attempt
 * @param attempt the number of the attempt that follows the wait
 * @param of the most attempts the request may make
 */
public record WaitNotice(String request, String reason, String source, Duration delay, int attempt, int of) {

    /** The notice with {@code remaining} left to wait, for a line that counts down. */
    public String describe(Duration remaining) {
        return reason + " on " + request + ", retrying in " + seconds(remaining) + " (" + source + "), attempt "
                + attempt + " of " + of;
    }

    /** Whole seconds, rounded up, as a countdown shows them: "12 s", then "11 s"; never "0 s". */
    private static String seconds(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return Waits.format(d);
        }
        long s = (d.toMillis() + 999) / 1000;
        return s < 60 ? s + " s" : Waits.format(Duration.ofSeconds(s));
    }

    public String describe() {
        return describe(delay);
    }
}
