package io.gctls.core;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A custom domain's name as it is sent to the API, normalised and checked before anything is sent
 * (docs/api.md "Names and ids in requests"): outer white space trimmed, one trailing dot dropped, international
 * names converted to their ASCII form (punycode, by the JDK's {@link IDN}), lower case; then every
 * label is checked against RFC 1123 (letters, digits and inner hyphens, 1 to 63 characters), the
 * whole name against 253 characters, and {@code *} is allowed only as the whole left-most label.
 * The same name typed two ways ({@code www.Example.test.} and {@code www.example.test}) is one name,
 * so an API that stores duplicates cannot be given a second domain by a trailing dot.
 */
public final class DomainName {

    private static final Pattern LDH = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
    /** The full stops IDNA treats as label separators (ideographic, full-width, half-width). */
    private static final Pattern IDNA_DOTS = Pattern.compile("[\u3002\uFF0E\uFF61]");
    static final int MAX_NAME = 253;
    static final int MAX_LABEL = 63;

    private DomainName() {
    }

    /**
     * The name in the form the API gets, or a usage error (exit 2) naming {@code what} (the option,
     * "--domain") and saying what is wrong, with the input quoted short.
     */
    public static String normalize(String input, String what) {
        if (input == null || input.isBlank()) {
            throw GctlsException.usage(what + " is blank: give a domain name such as www.example.com");
        }
        String name = IDNA_DOTS.matcher(input.strip()).replaceAll(".");
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1); // the root's dot: www.example.com. is www.example.com
        }
        String[] labels = name.split("\\.", -1);
        List<String> ascii = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (label.isEmpty()) {
                throw refused(input, what, "it has an empty label (a dot at the start, or two in a row)");
            }
            if (label.equals("*") && i == 0) {
                ascii.add(label);
                continue;
            }
            if (label.contains("*")) {
                throw refused(input, what, "'*' may only be the whole left-most label (*.example.com)");
            }
            ascii.add(asciiLabel(label, input, what));
        }
        boolean wildcard = ascii.get(0).equals("*");
        if (ascii.size() - (wildcard ? 1 : 0) < 2) {
            throw refused(input, what, wildcard ? "a wildcard needs a name of two labels or more under it"
                    : "a custom domain is a full name of two labels or more (www.example.com)");
        }
        String last = ascii.get(ascii.size() - 1);
        if (last.chars().allMatch(Character::isDigit)) {
            throw refused(input, what, "it looks like an IP address; a custom domain is a name");
        }
        String result = String.join(".", ascii);
        if (result.length() > MAX_NAME) {
            throw refused(input, what, "it is " + result.length() + " characters long" + (result.equals(name) ? ""
                    : " in its ASCII form") + "; a domain name has at most " + MAX_NAME);
        }
        return result;
    }

    /** True when {@code input} would be accepted by {@link #normalize}. */
    public static boolean isValid(String input) {
        try {
            normalize(input, "name");
            return true;
        } catch (GctlsException e) {
            return false;
        }
    }

    private static String asciiLabel(String label, String input, String what) {
        String converted = label;
        if (!label.chars().allMatch(c -> c < 0x80)) {
            try {
                converted = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                throw refused(input, what, "the label " + Quote.of(label) + " is not a valid international name ("
                        + e.getMessage() + ")");
            }
        }
        converted = converted.toLowerCase(Locale.ROOT);
        if (converted.length() > MAX_LABEL) {
            throw refused(input, what, "the label " + Quote.of(label) + " is " + converted.length()
                    + " characters long; a label has at most " + MAX_LABEL);
        }
        if (!LDH.matcher(converted).matches()) {
            throw refused(input, what, "the label " + Quote.of(label) + (converted.startsWith("-")
                    || converted.endsWith("-") ? " starts or ends with a hyphen"
                    : " has a character other than a letter, a digit or a hyphen"));
        }
        return converted;
    }

    private static GctlsException refused(String input, String what, String why) {
        return GctlsException.usage(what + " " + Quote.of(input) + " is not a domain name: " + why);
    }
}
