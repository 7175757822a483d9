package io.gctls.sandbox;

import io.gctls.core.Instants;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Genesys Cloud's date format: ISO-8601 UTC with milliseconds, e.g. 2026-05-01T12:00:00.000Z. */
final class Times {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** An ISO-8601 instant, with Z or an offset; null when it does not parse. */
    static Instant parse(String text) {
        return Instants.parseLenient(text);
    }
}
