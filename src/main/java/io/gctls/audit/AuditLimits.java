package io.gctls.audit;

import java.time.Duration;

/**
 * Bounds on reading one query: events per page, pages, and time (including an asynchronous query's
 * polling). A source that keeps saying "more" is stopped by them, never followed for ever.
 */
public record AuditLimits(int pageSize, int maxPages, Duration maxTime) {

    public static final int DEFAULT_PAGE_SIZE = 100;
    /** Genesys's largest audit page. */
    public static final int MAX_PAGE_SIZE = 500;
    public static final int DEFAULT_MAX_PAGES = 100;
    public static final Duration DEFAULT_MAX_TIME = Duration.ofMinutes(5);

    public AuditLimits {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE + ", not "
                    + pageSize);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("max pages must be at least 1, not " + maxPages);
        }
        if (maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("max time must be positive");
        }
    }

    public static AuditLimits defaults() {
        return new AuditLimits(DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGES, DEFAULT_MAX_TIME);
    }
}
