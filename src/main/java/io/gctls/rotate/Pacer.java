package io.gctls.rotate;

import java.time.Duration;
import java.time.Instant;

/**
 * Paces a rotation's requests from the token's rate-limit window so that its allowance is used
 * but not exceeded (docs/rotation.md). It learns the window from each answer's
 * {@code inin-ratelimit-allowed}, {@code -count} and {@code -reset} headers and hands out send
 * times ("slots"). While what is left of the window's allowance covers all the work still to do,
 * nothing is held back (Genesys counts per fixed window: a batch that fits is sent at once).
 * Otherwise slots are one interval apart, the interval being what is left of the window divided by
 * what is left of its allowance, less the requests already on their way; with the allowance spent
 * everything waits for the window to reset, and after a 429 until the answer's wait ends. Before
 * any answer has told it the window it holds nothing back (the caller's concurrency bounds that
 * first burst).
 *
 * <p>One slot per domain: the rotation books it before the domain's first request, so that Ctrl-C
 * can end the wait. The few extra requests an unclear answer needs are not booked, but the server
 * counts them, and the next answer's count slows the following slots down. Unlike the executor's
 * own pacer, which spreads only the last part of a window and one request at a time, this one books
 * slots for many requests in flight at once. All times come from the caller, so tests drive it on
 * their clock.
 */
public final class Pacer {

    /** Genesys counts per minute; an observed window says how much of it is left. */
    public static final Duration WINDOW = Duration.ofSeconds(60);

    private long allowed;
    /** Requests counted in the current window: the server's count, plus what was booked since. */
    private long used;
    private Instant resetsAt;
    private Instant nextSlot = Instant.MIN;
    private Instant holdUntil = Instant.MIN;
    private int inFlight;

    /**
     * Books the next slot: how long to wait from {@code now} before sending; counts the request as on
     * its way.
     *
     * @param work the requests still to send, this one included
     */
    public synchronized Duration reserve(Instant now, long work) {
        Instant slot = latest(now, latest(nextSlot, holdUntil));
        if (allowed > 0) {
            if (!slot.isBefore(resetsAt)) {
                newWindow(slot); // the window we knew has ended: a fresh one holds the whole allowance
            }
            if (allowed - used <= 0) {
                slot = resetsAt;
                newWindow(slot);
            }
            long left = allowed - used;
            used++;
            nextSlot = left >= work ? slot : slot.plus(Duration.between(slot, resetsAt).dividedBy(left));
        }
        inFlight++;
        return Duration.between(now, slot);
    }

    private void newWindow(Instant opensAt) {
        used = 0;
        resetsAt = opensAt.plus(WINDOW);
    }

    /** The request booked with {@link #reserve} was answered (or failed) and is no longer on its way. */
    public synchronized void settled() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /**
     * What an answer's headers said at {@code now}. The same window keeps the higher of its count
     * and what was booked (a late answer does not undo newer bookings); a newer window starts from
     * its count plus the requests still on their way; an answer from an older window is ignored.
     */
    public synchronized void observe(long allowedPerWindow, long countInWindow, long resetSeconds, Instant now) {
        if (allowedPerWindow <= 0) {
            return;
        }
        Instant resets = now.plusSeconds(Math.max(0, resetSeconds));
        allowed = allowedPerWindow;
        if (resetsAt == null) {
            used = countInWindow;
            resetsAt = resets;
            return;
        }
        long apart = Duration.between(resetsAt, resets).toMillis();
        if (Math.abs(apart) < 1500) {
            used = Math.max(used, countInWindow);
        } else if (apart > 0) {
            used = countInWindow + inFlight;
            resetsAt = resets;
        }
    }

    /** A 429 asked for a wait: no slot before {@code until}. */
    public synchronized void holdUntil(Instant until) {
        holdUntil = latest(holdUntil, until);
    }

    /** The allowance per window the API last stated, or 0 when no answer has said it yet. */
    public synchronized long allowed() {
        return allowed;
    }

    private static Instant latest(Instant a, Instant b) {
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }
}
