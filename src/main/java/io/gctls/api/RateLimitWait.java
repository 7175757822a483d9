package io.gctls.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a 429 asks the client to wait, in the order of docs/reliability.md "What is retried": the {@code Retry-After} header
 * (seconds or an HTTP date), else the {@code [N]} in Genesys's message ("Retry the request in
 * [N] seconds"), else {@code inin-ratelimit-reset}; empty when none says (the caller backs off).
 */
public final class RateLimitWait {

    private static final Pattern BRACKETED_SECONDS = Pattern.compile("\\[(\\d{1,6})\\]");

    /** Where a wait came from, for the user's progress line and the attempt log. */
    public record Advice(Duration delay, String source) {
    }

    private RateLimitWait() {
    }

    public static Optional<Advice> of(RawResponse response, Instant now) {
        Optional<Duration> retryAfter = response.header("Retry-After").flatMap(v -> parseRetryAfter(v, now));
        if (retryAfter.isPresent()) {
            return Optional.of(new Advice(retryAfter.get(), "Retry-After"));
        }
        Optional<Duration> fromMessage = fromMessage(ApiError.from(response).message());
        if (fromMessage.isPresent()) {
            return Optional.of(new Advice(fromMessage.get(), "the API's message"));
        }
        return response.header("inin-ratelimit-reset").flatMap(RateLimitWait::seconds)
                .map(d -> new Advice(d, "inin-ratelimit-reset"));
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        Optional<Duration> seconds = seconds(value);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(now, at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> fromMessage(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = BRACKETED_SECONDS.matcher(message);
        return m.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1)))) : Optional.empty();
    }

    private static Optional<Duration> seconds(String value) {
        String v = value.strip();
        if (!v.matches("\\d{1,9}(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(Double.parseDouble(v) * 1000)));
    }
}
