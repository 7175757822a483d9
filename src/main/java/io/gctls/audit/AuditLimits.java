package io.gctls.audit;

import java.time.Duration;

/**
 * Bounds on reading one query: the events asked for per page, and how much may be read in all:
 * events (repeats included) and time (including an asynchronous query's polling), and, only when
 * asked for, pages. Events and time are what matter to the user; a page bound alone would stop at
 * a quarter of the intended events against a server that caps its pages at 25 (docs/reliability.md,
 * "Audit paging"). A source that keeps saying "more" is stopped by them, never followed for ever.
 */
public record AuditLimits(int pageSize, int maxPages, int maxEvents, Duration maxTime) {

    public static final int DEFAULT_PAGE_SIZE = 100;
    /** Genesys's largest audit page. */
    public static final int MAX_PAGE_SIZE = 500;
    /** No page bound: the events and the time bound the query. */
    public static final int NO_PAGE_BOUND = Integer.MAX_VALUE;
    public static final int DEFAULT_MAX_EVENTS = 100_000;
    public static final Duration DEFAULT_MAX_TIME = Duration.ofMinutes(5);

    public AuditLimits {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE + ", not "
                    + pageSize);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("max pages must be at least 1, not " + maxPages);
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("max events must be at least 1, not " + maxEvents);
        }
        if (maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("max time must be positive");
        }
    }

    /** A page bound as well as the default events bound. */
    public AuditLimits(int pageSize, int maxPages, Duration maxTime) {
        this(pageSize, maxPages, DEFAULT_MAX_EVENTS, maxTime);
    }

    public static AuditLimits defaults() {
        return new AuditLimits(DEFAULT_PAGE_SIZE, NO_PAGE_BOUND, DEFAULT_MAX_EVENTS, DEFAULT_MAX_TIME);
    }

    public boolean pageBound() {
        return maxPages != NO_PAGE_BOUND;
    }
}
