package io.gctls.shell;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Colours text when the terminal supports it and returns it untouched when it does not (pipes,
 * CI logs, {@code NO_COLOR}, dumb terminals). JLine's attributed strings produce the escapes.
 */
public final class Styler {

    private static final Styler PLAIN = new Styler(false);
    private static final Styler COLOUR = new Styler(true);

    private final boolean colour;

    private Styler(boolean colour) {
        this.colour = colour;
    }

    public static Styler of(boolean colour) {
        return colour ? COLOUR : PLAIN;
    }

    public boolean colour() {
        return colour;
    }

    public String error(String text) {
        return paint(text, AttributedStyle.BOLD.foreground(AttributedStyle.RED));
    }

    public String warn(String text) {
        return paint(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW));
    }

    public String ok(String text) {
        return paint(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN));
    }

    public String info(String text) {
        return paint(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
    }

    public String bold(String text) {
        return paint(text, AttributedStyle.BOLD);
    }

    public String dim(String text) {
        return paint(text, AttributedStyle.DEFAULT.faint());
    }

    /** Colours a severity or verdict word: error/ERROR red, warn yellow, ok/info green/cyan. */
    public String severity(String word) {
        return switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "error", "failure", "failed" -> error(word);
            case "warn", "warning" -> warn(word);
            case "ok", "success", "succeeded" -> ok(word);
            default -> info(word);
        };
    }

    private String paint(String text, AttributedStyle style) {
        return colour ? new AttributedString(text, style).toAnsi() : text;
    }
}
