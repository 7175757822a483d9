package io.gctls.sandbox;

import io.gctls.core.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One fault switch of the sandbox: what goes wrong, for which requests, how many times.
 * Immutable; {@link #toString()} prints the form {@link #parse(String)} reads, so the
 * {@code sandbox fault} command and {@code sandbox status} speak the same language:
 * {@code (STATUS|reset|reset-after|delay MS|malformed) [--method M] [--path GLOB] [--times N]
 * [--retry-after S|none]}.
 *
 * <p>The path glob is matched against the request path without its query string; {@code *}
 * matches any run of characters (slashes included), {@code ?} one character.
 */
public final class FaultSpec {

    /** What the fault does to a matching request. */
    public enum Kind {
        /** Answer an HTTP error status with a Genesys error body, without handling the request. */
        STATUS,
        /** Reset the connection before the request is handled. */
        RESET,
        /** Handle the request (a POST stores the domain), then reset the connection instead of answering. */
        RESET_AFTER,
        /** Handle the request and answer normally, after a delay. */
        DELAY,
        /** Handle the request, then answer its status with a truncated JSON body. */
        MALFORMED;

        String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final String ALL_PATHS = "*";

    private final Kind kind;
    private final int status;
    private final long delayMillis;
    private final String method;
    private final String pathGlob;
    private final Integer times;
    private final String retryAfter;
    private final Pattern pathPattern;

    private FaultSpec(Kind kind, int status, long delayMillis, String method, String pathGlob, Integer times) {
        this(kind, status, delayMillis, method, pathGlob, times, null);
    }

    private FaultSpec(Kind kind, int status, long delayMillis, String method, String pathGlob, Integer times,
            String retryAfter) {
        this.kind = kind;
        this.status = status;
        this.delayMillis = delayMillis;
        this.method = method;
        this.pathGlob = pathGlob;
        this.times = times;
        this.retryAfter = retryAfter;
        this.pathPattern = globToRegex(pathGlob);
    }

    /** An HTTP error answer (400..599) with a Genesys error body; a 429 also carries Retry-After. */
    public static FaultSpec status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("fault status must be an HTTP error status (400-599), not " + status);
        }
        return new FaultSpec(Kind.STATUS, status, 0, null, ALL_PATHS, null);
    }

    public static FaultSpec reset() {
        return new FaultSpec(Kind.RESET, 0, 0, null, ALL_PATHS, null);
    }

    public static FaultSpec resetAfter() {
        return new FaultSpec(Kind.RESET_AFTER, 0, 0, null, ALL_PATHS, null);
    }

    public static FaultSpec delay(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("fault delay must be zero or more milliseconds, not " + millis);
        }
        return new FaultSpec(Kind.DELAY, 0, millis, null, ALL_PATHS, null);
    }

    public static FaultSpec malformed() {
        return new FaultSpec(Kind.MALFORMED, 0, 0, null, ALL_PATHS, null);
    }

    /** Only requests whose path matches the glob ({@code *} and {@code ?}); the default is every path. */
    public FaultSpec path(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("fault path glob must not be empty");
        }
        return new FaultSpec(kind, status, delayMillis, method, glob.strip(), times, retryAfter);
    }

    /** Only requests with this HTTP method; the default is every method. */
    public FaultSpec method(String httpMethod) {
        if (httpMethod == null || !httpMethod.strip().matches("[A-Za-z]+")) {
            throw new IllegalArgumentException("fault method must be an HTTP method such as POST, not '" + httpMethod + "'");
        }
        return new FaultSpec(kind, status, delayMillis, httpMethod.strip().toUpperCase(Locale.ROOT), pathGlob, times,
                retryAfter);
    }

    /** Fire for this many matching requests, then clear itself; the default is until cleared. */
    public FaultSpec times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("fault --times must be 1 or more, not " + count);
        }
        return new FaultSpec(kind, status, delayMillis, method, pathGlob, count, retryAfter);
    }

    /**
     * For a 429: the {@code Retry-After} it carries, in seconds (the message's {@code [N]} says the
     * same), or {@code none} for a 429 with neither (the client must fall back on the rate-limit
     * headers or back off). The default is 1 second.
     */
    public FaultSpec retryAfter(String seconds) {
        if (kind != Kind.STATUS || status != 429) {
            throw new IllegalArgumentException("--retry-after goes with a 429 fault only");
        }
        String value = seconds == null ? "" : seconds.strip();
        if (!value.equals("none") && !value.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("fault --retry-after needs whole seconds or none, not '" + value + "'");
        }
        return new FaultSpec(kind, status, delayMillis, method, pathGlob, times, value);
    }


    /**
     * Reads {@code (STATUS|reset|reset-after|delay MS|malformed) [--method M] [--path GLOB] [--times N]}.
     * A leading {@code "POST /path"} pair is also accepted after the kind, as in
     * {@code 503 POST /api/v2/customdomains}.
     *
     * @throws IllegalArgumentException with a message naming the bad word
     */
    public static FaultSpec parse(String text) {
        List<String> words = new ArrayList<>(List.of(Objects.requireNonNullElse(text, "").strip().split("\\s+")));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) {
            throw new IllegalArgumentException(
                    "fault needs a kind: STATUS (e.g. 503), reset, reset-after, delay MS or malformed");
        }
        String head = words.remove(0).toLowerCase(Locale.ROOT);
        FaultSpec spec = switch (head) {
            case "reset" -> reset();
            case "reset-after" -> resetAfter();
            case "malformed" -> malformed();
            case "delay" -> delay(parseNumber(words.isEmpty() ? null : words.remove(0), "delay MS"));
            default -> {
                if (!head.matches("\\d{3}")) {
                    throw new IllegalArgumentException("unknown fault '" + head
                            + "': expected an HTTP status (e.g. 503), reset, reset-after, delay MS or malformed");
                }
                yield status(Integer.parseInt(head));
            }
        };
        return applyOptions(spec, words);
    }

    private static FaultSpec applyOptions(FaultSpec spec, List<String> words) {
        FaultSpec result = spec;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i == 0 && word.matches("[A-Za-z]+") && words.size() > 1 && words.get(1).startsWith("/")) {
                result = result.method(word).path(words.get(++i));
                continue;
            }
            String value = i + 1 < words.size() ? words.get(i + 1) : null;
            switch (word) {
                case "--path" -> result = result.path(required(value, word));
                case "--method" -> result = result.method(required(value, word));
                case "--times" -> result = result.times((int) parseNumber(value, "--times N"));
                case "--retry-after" -> result = result.retryAfter(required(value, word));
                default -> throw new IllegalArgumentException("unexpected '" + word
                        + "' in fault: options are --method M, --path GLOB, --times N and (for 429) --retry-after SECONDS");
            }
            i++;
        }
        return result;
    }

    private static String required(String value, String option) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException("fault option " + option + " needs a value");
        }
        return value;
    }

    private static long parseNumber(String value, String what) {
        if (value != null && value.matches("[0-9]{10,}")) {
            throw new IllegalArgumentException("fault " + what + " is too large: " + Quote.of(value)
                    + " (at most 999999999)");
        }
        if (value == null || !value.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("fault " + what + " needs a whole number, not "
                    + Quote.of(value == null ? "" : value));
        }
        return Long.parseLong(value);
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Whether this fault applies to a request with this method and path (no query string). */
    public boolean matches(String httpMethod, String path) {
        return (method == null || method.equalsIgnoreCase(httpMethod)) && pathPattern.matcher(path).matches();
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of a {@link Kind#STATUS} fault, otherwise 0. */
    public int status() {
        return status;
    }

    /** The delay of a {@link Kind#DELAY} fault, otherwise 0. */
    public long delayMillis() {
        return delayMillis;
    }

    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    public String pathGlob() {
        return pathGlob;
    }

    /** A 429's Retry-After seconds, or {@code none}; empty means the default (1 second). */
    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** How many more requests this fault fires for; empty means until cleared. */
    public Optional<Integer> times() {
        return Optional.ofNullable(times);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(switch (kind) {
            case STATUS -> String.valueOf(status);
            case DELAY -> "delay " + delayMillis;
            default -> kind.word();
        });
        if (method != null) {
            text.append(" --method ").append(method);
        }
        if (!ALL_PATHS.equals(pathGlob)) {
            text.append(" --path ").append(pathGlob);
        }
        if (times != null) {
            text.append(" --times ").append(times);
        }
        if (retryAfter != null) {
            text.append(" --retry-after ").append(retryAfter);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FaultSpec that && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
