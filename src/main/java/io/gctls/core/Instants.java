package io.gctls.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Instants read from text that others wrote: API answers, request bodies, what users type. */
public final class Instants {

    private Instants() {
    }

    /**
     * An ISO-8601 instant in UTC ({@code 2026-05-01T12:00:00.000Z}) or with an offset
     * ({@code 2026-05-01T14:00:00+02:00}); null when {@code text} is null or not such an instant.
     */
    public static Instant parseLenient(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
