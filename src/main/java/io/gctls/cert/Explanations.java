package io.gctls.cert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every finding code means, why clients fail on it and how to fix it: the entries of
 * docs/findings.md, packaged into the jar, so that {@code cert explain} prints the project's own
 * document and the two can never drift apart.
 */
public final class Explanations {

    static final String RESOURCE = "/gctls-docs/findings.md";
    private static final Pattern HEADING = Pattern.compile("(?m)^## `([a-z0-9-]+)` \\(([A-Z or]+)\\)\\s*$");

    /** One entry: its code, severity as written, and its three parts. */
    public record Entry(String code, String severity, String meaning, String why, String fix) {
    }

    private Explanations() {
    }

    /** Every entry of the document, in its order. */
    public static Map<String, Entry> all() {
        return parse(document());
    }

    public static Optional<Entry> of(String code) {
        return Optional.ofNullable(all().get(code.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    static String document() {
        try (InputStream in = Explanations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not packaged (the build copies docs/findings.md)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static Map<String, Entry> parse(String markdown) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Matcher heading = HEADING.matcher(markdown);
        int[] starts = heading.results().mapToInt(m -> m.start()).toArray();
        heading.reset();
        int i = 0;
        while (heading.find()) {
            int end = i + 1 < starts.length ? starts[i + 1] : markdown.length();
            String body = markdown.substring(heading.end(), end);
            entries.put(heading.group(1), new Entry(heading.group(1), heading.group(2), part(body, "What it means."),
                    part(body, "Why clients fail."), part(body, "How to fix.")));
            i++;
        }
        return entries;
    }

    /** The paragraph after a bold label, unwrapped onto one line; empty when missing. */
    private static String part(String body, String label) {
        int at = body.indexOf("**" + label + "**");
        if (at < 0) {
            return "";
        }
        int from = at + label.length() + 4;
        int next = body.indexOf("\n**", from);
        String text = body.substring(from, next < 0 ? body.length() : next);
        return text.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
