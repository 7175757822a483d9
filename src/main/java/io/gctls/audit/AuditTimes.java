package io.gctls.audit;

import io.gctls.core.Durations;
import io.gctls.core.Instants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Times as audit queries want them (ISO-8601 UTC with milliseconds) and as users type them. */
public final class AuditTimes {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AuditTimes() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * A point in time as typed for {@code --since}/{@code --until}: a duration back from now
     * ({@code 90m}, {@code 1h}, {@code 1d}, {@code PT2H}), an ISO-8601 instant
     * ({@code 2026-05-01T12:00:00Z}, with an offset too) or a date ({@code 2026-05-01}, midnight UTC).
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Instant point(String text, Instant now) {
        String value = text.strip();
        try {
            return now.minus(Durations.parse(value));
        } catch (IllegalArgumentException notADuration) {
            // not a duration: try the absolute forms
        }
        Instant instant = Instants.parseLenient(value);
        if (instant != null) {
            return instant;
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value + "Z").toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException(io.gctls.core.Quote.of(text) + " is neither a duration back from now (30m, 1h, 1d)"
                        + " nor an ISO-8601 time (2026-05-01T12:00:00Z) or date (2026-05-01)");
            }
        }
    }
}
