package io.gctls.api;

import java.time.Duration;

/**
 * A wait the shell counts down on one line at a terminal. Either before a request's next attempt:
 * {@code 429 on POST /api/v2/customdomains, retrying in 12 s (Retry-After), attempt 3 of 6}; or a
 * {@link #pause} between the steps of a longer operation (a deploy looking for its domain again, an
 * audit poll): {@code www.example.com not listed yet: GET /api/v2/customdomains again in 4 s (lookup 3)}.
 *
 * @param request the request, e.g. {@code POST /api/v2/customdomains}; for a pause, what happens after it
 * @param reason what the last attempt got: {@code 429}, {@code 503}, {@code reset}, {@code timeout};
 *               for a pause, why there is one
 * @param source where the wait comes from: {@code Retry-After}, {@code backoff}, ...; for a pause,
 *               what follows the delay in the line (may be empty)
 * @param delay how long until the next attempt
 * @param attempt the number of the attempt that follows the wait (0 for a pause)
 * @param of the most attempts the request may make (0 for a pause)
 */
public record WaitNotice(String request, String reason, String source, Duration delay, int attempt, int of) {

    /**
     * A pause that is not a request's retry; its line reads {@code "{why}: {next} in 4 s {after}"},
     * e.g. {@code pause("audit query q-1 is Running", "GET /api/v2/audits/query/q-1", d, "(poll 3)")}.
     */
    public static WaitNotice pause(String why, String next, Duration delay, String after) {
        return new WaitNotice(next, why, after, delay, 0, 0);
    }

    /** True for a {@link #pause}, false for a wait before a request's next attempt. */
    public boolean isPause() {
        return of == 0;
    }

    /** The notice with {@code remaining} left to wait, for a line that counts down. */
    public String describe(Duration remaining) {
        if (isPause()) {
            return reason + ": " + request + " in " + seconds(remaining) + (source.isEmpty() ? "" : " " + source);
        }
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
