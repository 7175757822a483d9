package io.gctls.core;

import java.util.regex.Pattern;

/**
 * Whole numbers as typed on a command line or in a config file: ASCII digits only.
 * {@code Integer.parseInt} also takes Arabic-Indic, Devanagari or full-width digits, so
 * {@code --page-size ٣} would be 3; a number a person cannot read back in a log is refused.
 */
public final class Numbers {

    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");

    private Numbers() {
    }

    /** @throws IllegalArgumentException when the text is not a whole number in ASCII digits that fits an int */
    public static int parseInt(String text) {
        String v = text.strip();
        if (!WHOLE.matcher(v).matches()) {
            throw new IllegalArgumentException("not a whole number");
        }
        String digits = v.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
        long value = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (v.startsWith("-")) {
            value = -value;
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("too large");
        }
        return (int) value;
    }
}
