package io.gctls.shell;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The text-view kit every command's text output is made of, so that all of them read alike: a
 * headline, then {@code label  value} fields in one column, then tables and notes. One alignment
 * rule for every view: fields are indented two spaces and their labels padded to
 * {@link #LABEL_WIDTH}; a longer label keeps one space before its value.
 */
public final class Views {

    /** The label column: wide enough for "organization" and "certificate". */
    public static final int LABEL_WIDTH = 12;

    private Views() {
    }

    /** {@code   label        value}; nothing at all when the value is null or empty. */
    public static void field(Output out, String label, String value) {
        field(out, label, UnaryOperator.identity(), value);
    }

    /** A field whose label is coloured (a warning, an error); the padding counts the plain label. */
    public static void field(Output out, String label, UnaryOperator<String> style, String value) {
        if (value != null && !value.isEmpty()) {
            out.println(fieldLine(label, style, value));
        }
    }

    static String fieldLine(String label, UnaryOperator<String> style, String value) {
        int pad = Math.max(1, LABEL_WIDTH + 1 - label.length());
        return "  " + style.apply(label) + " ".repeat(pad) + value;
    }

    /** {@code 1 event}, {@code 3 events}. */
    public static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** A list on one line, or {@code -} when there is nothing in it. */
    public static String list(List<String> values) {
        return values == null || values.isEmpty() ? "-" : String.join(", ", values);
    }

    /**
     * A SHA-256 fingerprint as every text view shows it: upper-case hex pairs joined by colons, as
     * {@code openssl x509 -fingerprint -sha256} and browsers print it, so that one can be compared
     * with the other by eye. JSON keeps each result's own field as it always was.
     */
    public static String fingerprint(String sha256) {
        if (sha256 == null || sha256.isEmpty()) {
            return "";
        }
        String hex = sha256.replace(":", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]+") || hex.length() % 2 != 0) {
            return sha256; // not a fingerprint after all: shown as it came
        }
        StringBuilder pairs = new StringBuilder(hex.length() * 3 / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                pairs.append(':');
            }
            pairs.append(hex, i, i + 2);
        }
        return pairs.toString();
    }

    /** The first eight bytes of a fingerprint, for a table column; enough to tell certificates apart. */
    public static String shortFingerprint(String sha256) {
        String full = fingerprint(sha256);
        return full.length() > 23 ? full.substring(0, 23) + "..." : full;
    }

    /** {@code 12 days left}, {@code 1 day left}, {@code expired 3 days ago}. */
    public static String daysLeft(long days) {
        if (days < 0) {
            return "expired " + -days + (days == -1 ? " day ago" : " days ago");
        }
        return days + (days == 1 ? " day left" : " days left");
    }

    /** A table as every list command prints it: header row first, natural width, never wrapped. */
    public static void table(Output out, Object[][] rows) {
        out.println(Tables.render(rows));
    }
}
