package io.gctls.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text a server wrote (an error's message, code, details) made fit to show: registered secrets
 * masked, PEM blocks dropped whole or in part (a BEGIN line with half a body, a body that ends in
 * its END line without the BEGIN), long base64 runs dropped (a key or a token echoed without its
 * armour), and only then cut to length, so a cut can never leave half a secret that the masking
 * would no longer recognise. docs/reliability.md, "Secrets", says why each step is there.
 *
 * <p>Hand-written because no library here cleans untrusted text this way: Bouncy Castle's PEM
 * reader parses well-formed blocks and skips the rest, which is the opposite of what is wanted.
 */
public final class ServerText {

    /** A run this long of base64 characters is a key, a certificate or a token, not prose. */
    static final int LONG_RUN = 40;

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ?([A-Z0-9 ]{0,40})-{0,5}");
    /** An END line, or what is left of one at a cut: "-----", "-----E", "-----EN". */
    private static final Pattern END = Pattern.compile("-----(?:END ?([A-Z0-9 ]{0,40})-{0,5}|EN?)?");
    private static final Pattern LONG = Pattern.compile("[A-Za-z0-9+/=_-]{" + LONG_RUN + ",}");

    private ServerText() {
    }

    /** Cleaned and cut to {@code max} characters (with "..." when cut), on one line. */
    public static String clean(String text, int max) {
        String line = clean(text).strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() > max ? line.substring(0, Math.max(0, max - 3)) + "..." : line;
    }

    /** Cleaned, not cut. */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = Secrets.redactCutText(text);
        result = dropBlocks(result);
        result = dropHeadlessBodies(result);
        Matcher runs = LONG.matcher(result);
        return runs.replaceAll(m -> Matcher.quoteReplacement("[" + m.group().length() + " base64 characters removed]"));
    }

    /** From each BEGIN line to its END line, or as far as the body goes when the END is missing. */
    private static String dropBlocks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        Matcher begin = BEGIN.matcher(text);
        while (begin.find(from)) {
            out.append(text, from, begin.start());
            String label = begin.group(1).strip();
            int at = skipBody(text, begin.end(), true);
            Matcher end = END.matcher(text).region(at, text.length());
            if (end.lookingAt()) {
                at = end.end();
            }
            out.append("[PEM").append(label.isEmpty() ? "" : " " + label).append(" removed]");
            from = at;
        }
        return out.append(text, from, text.length()).toString();
    }

    /** A body that ends in an END line but whose BEGIN is gone (the server cut the front off). */
    private static String dropHeadlessBodies(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        Matcher end = END.matcher(text);
        while (end.find(from)) {
            int start = end.start();
            while (start > from && (isBody(text.charAt(start - 1)) || escapedBreakEndsAt(text, start))) {
                start -= escapedBreakEndsAt(text, start) ? 2 : 1;
            }
            if (text.substring(start, end.start()).isBlank()) {
                out.append(text, from, end.end()); // dashes with no body before them: a separator, not PEM
            } else {
                String label = end.group(1) == null ? "" : end.group(1).strip();
                out.append(text, from, start).append("[PEM").append(label.isEmpty() ? "" : " " + label)
                        .append(" removed]");
            }
            from = end.end();
        }
        return out.append(text, from, text.length()).toString();
    }

    /**
     * Skips a PEM body: base64, line breaks real or JSON-escaped, and (inside a block only) the
     * headers of a legacy encrypted key ("Proc-Type: 4,ENCRYPTED").
     */
    private static int skipBody(String text, int at, boolean headers) {
        int i = at;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '-' && text.startsWith("-----", i)) {
                return i;
            }
            if (isBody(c) || headers && (c == ' ' || c == ':' || c == ',' || c == '-')) {
                i++;
            } else if (c == '\\' && i + 1 < text.length() && "nrt/".indexOf(text.charAt(i + 1)) >= 0) {
                i += 2;
            } else {
                return i;
            }
        }
        return i;
    }

    private static boolean isBody(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                || c == '=' || c == '\n' || c == '\r';
    }

    private static boolean escapedBreakEndsAt(String text, int index) {
        return index >= 2 && text.charAt(index - 2) == '\\' && "nrt".indexOf(text.charAt(index - 1)) >= 0;
    }
}
