package io.gctls.core;

/**
 * User input quoted back in a message. Whatever someone typed or put in a file (a 100 KB
 * {@code --domain}, a 1 MB line of a command file) is cut to a readable length and says how long
 * it really was, and control characters are shown as {@code ?} so that a value cannot rewrite the
 * terminal. The error line stays one line that fits on a screen.
 */
public final class Quote {

    /** Longest input quoted whole; longer input shows its first {@link #KEPT} characters. */
    public static final int LONGEST = 80;
    static final int KEPT = 60;

    private Quote() {
    }

    /** {@code 'www.example.com'}, or {@code 'aaaa...' (102400 characters)}. */
    public static String of(String input) {
        if (input == null) {
            return "''";
        }
        if (input.length() <= LONGEST) {
            return "'" + visible(input) + "'";
        }
        return "'" + visible(cut(input, KEPT)) + "...' (" + input.length() + " characters)";
    }

    /** The text itself, unquoted, cut like {@link #of}: for echoing a whole command line. */
    public static String shortened(String input, int longest) {
        if (input.length() <= longest) {
            return visible(input);
        }
        return visible(cut(input, longest)) + "... (" + input.length() + " characters)";
    }

    /** Never splits a surrogate pair. */
    private static String cut(String input, int length) {
        int end = Character.isHighSurrogate(input.charAt(length - 1)) ? length - 1 : length;
        return input.substring(0, end);
    }

    private static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
