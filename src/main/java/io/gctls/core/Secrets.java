package io.gctls.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence for secrets (docs/reliability.md, "Secrets"): every secret value this
 * process learns (client secret, the Basic value made from it, access token, key password, the
 * base64 body of a private key) is registered here, and the shell's output and error writers and
 * the log converters mask any registered value before it is written, in the forms a server is
 * likely to echo it back in (as is, JSON-escaped, URL-encoded). Text a server wrote is held to a
 * stricter rule ({@link #redactCutText}): pieces of a secret are masked too. Code must still never
 * print a secret on purpose; this catches the accident.
 */
public final class Secrets {

    public static final String MASK = "****";

    /** Shorter values would mask ordinary words ("yes", a port number) and say nothing secret. */
    private static final int MIN_LENGTH = 6;
    /** Pieces shorter than this are left alone in the middle of text: too short to tell from ordinary text. */
    static final int MIN_FRAGMENT = 12;
    /** Where someone else's cut may have left a piece of a secret, this much is enough to mask it. */
    static final int MIN_EDGE = 4;
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/=_-]{" + MIN_EDGE + ",}");
    /** A cut may be marked: "...", an ellipsis, a closing quote. */
    private static final Pattern CUT_MARK = Pattern.compile("[.\\s\"'\u2026]*");

    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();
    private static volatile Index index = Index.EMPTY;
    /** Values known to be public (the built-in sandbox's fixed client secret): never masked. */
    private static final Set<String> PUBLIC = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    /**
     * What redaction looks things up in, rebuilt when a secret is registered (rarely): the values
     * longest first (so that a secret containing another is masked whole), every piece of
     * {@value #MIN_FRAGMENT} characters of each, and the short beginnings and endings of each.
     */
    private record Index(List<String> longestFirst, Set<String> pieces, Set<String> beginnings, Set<String> endings) {
        static final Index EMPTY = new Index(List.of(), Set.of(), Set.of(), Set.of());

        static Index of(Set<String> values) {
            Set<String> pieces = new HashSet<>();
            Set<String> beginnings = new HashSet<>();
            Set<String> endings = new HashSet<>();
            for (String v : values) {
                for (int i = 0; i + MIN_FRAGMENT <= v.length(); i++) {
                    pieces.add(v.substring(i, i + MIN_FRAGMENT));
                }
                for (int n = MIN_EDGE; n < MIN_FRAGMENT && n <= v.length(); n++) {
                    beginnings.add(v.substring(0, n));
                    endings.add(v.substring(v.length() - n));
                }
            }
            return new Index(values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList(),
                    pieces, beginnings, endings);
        }
    }

    public static void register(CharSequence secret) {
        registerAll(List.of(secret == null ? "" : secret));
    }

    /** Registers several secrets with one rebuild of the index (a PEM key is some 30 of them). */
    private static void registerAll(List<? extends CharSequence> secrets) {
        boolean added = false;
        for (CharSequence secret : secrets) {
            if (secret == null || secret.length() < MIN_LENGTH) {
                continue;
            }
            String value = secret.toString();
            if (PUBLIC.contains(value)) {
                continue;
            }
            added |= VALUES.add(value);
            // escaped by hand rather than by Jackson: a key read by a one-shot cert inspect lands here, and
            // loading Jackson for that would cost every such run its start-up time
            String json = value.replace("\\", "\\\\").replace("\"", "\\\"");
            added |= VALUES.add(json);
            added |= VALUES.add(json.replace("/", "\\/"));
            added |= VALUES.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        if (added) {
            synchronized (VALUES) {
                index = Index.of(Set.copyOf(VALUES));
            }
        }
    }

    /**
     * A value printed on purpose because it is no secret, such as the sandbox's fixed credentials
     * in its {@code export} lines: typing it as {@code --client-secret} must not mask it there.
     */
    public static void declarePublic(String value) {
        if (value == null) {
            return;
        }
        PUBLIC.add(value);
        synchronized (VALUES) {
            String json = value.replace("\\", "\\\\").replace("\"", "\\\"");
            boolean removed = VALUES.remove(value) | VALUES.remove(json) | VALUES.remove(json.replace("/", "\\/"))
                    | VALUES.remove(URLEncoder.encode(value, StandardCharsets.UTF_8));
            if (removed) {
                index = Index.of(Set.copyOf(VALUES));
            }
        }
    }

    /**
     * Registers the client secret and the {@code Basic base64(id:secret)} value made from it: a login
     * service that echoes the request's headers would otherwise print the secret in base64.
     */
    public static void registerClientSecret(String clientId, String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        register(secret);
        register(Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Registers each line of a PEM body, and the body joined into one line, so that a key printed by
     * mistake is masked line by line, and a server that reflows it is caught too.
     */
    public static void registerPem(String pem) {
        if (pem == null) {
            return;
        }
        StringBuilder joined = new StringBuilder();
        List<String> lines = new java.util.ArrayList<>();
        for (String line : pem.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("-----") || trimmed.contains(":")) {
                continue; // armour and legacy headers (Proc-Type, DEK-Info) are not the secret
            }
            joined.append(trimmed);
            if (trimmed.length() >= 16) {
                lines.add(trimmed);
            }
        }
        lines.add(joined.toString());
        registerAll(lines);
    }

    /** Every registered secret masked, in each of the forms it was registered in. */
    public static String redact(String text) {
        Index current = index;
        if (text == null || current.longestFirst().isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : current.longestFirst()) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /**
     * As {@link #redact}, for text that someone else wrote and may have cut short (a server's echo of
     * a request): also masks every piece of a secret of {@value #MIN_FRAGMENT} characters or more
     * (what is left of a key line or a token cut in half is still a secret), and a shorter piece,
     * down to {@value #MIN_EDGE} characters, where the text begins or ends, which is where such a cut
     * leaves one. Only for such text: in gctls's own output the pieces would also hit what a key
     * shares with its certificate (the algorithm's encoding) and a client id inside its secret.
     */
    public static String redactCutText(String text) {
        Index current = index;
        String result = redact(text);
        if (result == null || current.longestFirst().isEmpty()) {
            return result;
        }
        result = maskPieces(result, current);
        Matcher lead = RUN.matcher(result);
        Matcher mark = CUT_MARK.matcher(result);
        if (mark.lookingAt() && lead.region(mark.end(), result.length()).lookingAt()) {
            String run = lead.group();
            for (int n = Math.min(run.length(), MIN_FRAGMENT - 1); n >= MIN_EDGE; n--) {
                if (current.endings().contains(run.substring(0, n))) {
                    result = result.substring(0, lead.start()) + MASK + result.substring(lead.start() + n);
                    break;
                }
            }
        }
        int end = result.length();
        while (end > 0 && CUT_MARK.matcher(result.substring(end - 1, end)).matches()) {
            end--;
        }
        int start = end;
        while (start > 0 && isRunChar(result.charAt(start - 1))) {
            start--;
        }
        String run = result.substring(start, end);
        for (int n = Math.min(run.length(), MIN_FRAGMENT - 1); n >= MIN_EDGE; n--) {
            if (current.beginnings().contains(run.substring(run.length() - n))) {
                result = result.substring(0, end - n) + MASK + result.substring(end);
                break;
            }
        }
        return result;
    }

    private static boolean isRunChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "+/=_-".indexOf(c) >= 0;
    }

    /** Masks, inside each run of base64 characters, every stretch covered by pieces of a secret. */
    private static String maskPieces(String text, Index current) {
        Matcher runs = RUN.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (runs.find()) {
            String run = runs.group();
            if (run.length() < MIN_FRAGMENT) {
                continue;
            }
            boolean[] covered = new boolean[run.length()];
            boolean any = false;
            for (int i = 0; i + MIN_FRAGMENT <= run.length(); i++) {
                if (current.pieces().contains(run.substring(i, i + MIN_FRAGMENT))) {
                    java.util.Arrays.fill(covered, i, i + MIN_FRAGMENT, true);
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, runs.start());
            for (int i = 0; i < run.length(); i++) {
                if (!covered[i]) {
                    out.append(run.charAt(i));
                } else if (i == 0 || !covered[i - 1]) {
                    out.append(MASK);
                }
            }
            copied = runs.end();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    public static boolean isEmpty() {
        return VALUES.isEmpty();
    }

    /** For tests only: forget everything registered. */
    public static void clearForTests() {
        synchronized (VALUES) {
            VALUES.clear();
            index = Index.EMPTY;
        }
    }
}
