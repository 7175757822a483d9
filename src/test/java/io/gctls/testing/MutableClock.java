package io.gctls.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand: fixed at an instant, or the system clock plus an offset. Lets tests
 * expire tokens and close rate windows without sleeping.
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    private MutableClock(Clock base) {
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

    /** Back to the base clock. */
    public void rewind() {
        offset = Duration.ZERO;
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
