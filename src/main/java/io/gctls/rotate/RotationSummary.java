package io.gctls.rotate;

import io.gctls.core.ExitCode;

/**
 * How a rotation run ended: counts per outcome, time, requests and 429s, and the request rate it
 * achieved against the one the API allows.
 *
 * @param earlier domains a resumed run found done by the run it continues (nothing sent for them)
 * @param pending domains not attempted because the run was interrupted (Ctrl-C)
 * @param planMs the plan: reading and inspecting every bundle, and the list
 * @param wallMs from the first to the last request of the apply (the plan not included)
 * @param requests requests the apply sent (the plan's list not included)
 * @param listRequests requests the plan's one paged list took
 * @param requestsPerChange requests divided by the domains that needed one (created, replaced, failed, parked)
 * @param achievedPerMinute requests per minute over {@code wallMs}
 * @param allowedPerMinute the token's allowance per 60-second window, as the API last stated it (0 if never)
 * @param ofAllowed how close the run came to the limit: when its requests (the list's included) fit in
 *     one window, they against that window's allowance (below 1: the limit never bound); otherwise the
 *     time the limit needs for them against the time the run took (1: as fast as the limit allows)
 * @param parkedUntil when the API said the parked domains may be sent, ISO-8601; empty unless parked
 * @param resume the command that continues this rotation; empty when nothing is left to do
 */
public record RotationSummary(String id, String journal, int domains, int created, int replaced, int unchanged,
        int refused, int failed, int parked, int interrupted, int pending, int earlier, long planMs, long wallMs,
        int requests,
        int listRequests, int rateLimited, double requestsPerChange, double achievedPerMinute, long allowedPerMinute,
        double ofAllowed, String parkedUntil, String resume, int exitCode) {

    /** Whether the run's requests (the list's included) fit in one rate-limit window's allowance. */
    public boolean withinOneWindow() {
        return allowedPerMinute > 0 && requests + listRequests <= allowedPerMinute;
    }

    /** The shortest time the API's limit lets this run's requests take. */
    public long limitNeedsMs() {
        return Rotation.limitNeedsMs(requests + listRequests, allowedPerMinute);
    }

    /** The run's exit code as gctls ends with it. */
    public ExitCode exit() {
        return exitCode(exitCode);
    }

    static ExitCode exitCode(int code) {
        for (ExitCode candidate : ExitCode.values()) {
            if (candidate.code() == code) {
                return candidate;
            }
        }
        return ExitCode.UNAVAILABLE;
    }
}
