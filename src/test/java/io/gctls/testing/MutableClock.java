package io.gctls.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand: fixed at an instant, or the system clock plus an offset. Lets tests
 * expire tokens and close rate windows without sleeping. A ticking clock can be {@link #freeze
 * frozen} for one test, so that a figure the product prints from the clock (how long it followed)
 * is the sum of its waits and not also the machine's load.
 */
public final class MutableClock extends Clock {

    private final Clock original;
    private volatile Clock base;
    private volatile Duration offset = Duration.ZERO;

    private MutableClock(Clock base) {
        this.original = base;
        this.base = base;
    }

    public static MutableClock fixed(Instant instant) {
        return new MutableClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** The system clock, until {@link #advance} moves it ahead. */
    public static MutableClock ticking() {
        return new MutableClock(Clock.systemUTC());
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** From now on only {@link #advance} moves the clock (until {@link #rewind}). */
    public void freeze() {
        base = Clock.fixed(base.instant(), ZoneOffset.UTC);
    }

    /** Back to the base clock, ticking again if it was frozen. */
    public void rewind() {
        offset = Duration.ZERO;
        base = original;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a MutableClock stays in UTC");
    }
}
