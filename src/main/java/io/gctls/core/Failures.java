package io.gctls.core;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.ConcurrentModificationException;
import java.util.regex.Pattern;

/**
 * An unexpected failure (a bug, a resource running out: exit 70) said in words a user can act on
 * or report, never as a Java class name; the class and the stack trace are for {@code --debug}
 * (docs/exit-codes.md).
 */
public final class Failures {

    /** {@code java.lang.IllegalStateException: }, {@code SomeException: } and the like, wherever they stand. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*:?\\s*|\\b[A-Z][A-Za-z0-9_$]*(?:Exception|Error):?\\s*");
    private static final int LONGEST_DETAIL = 200;

    private Failures() {
    }

    /** What went wrong, in words: the kind of failure, then its own message when it has a readable one. */
    public static String inWords(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return io(io);
            }
            root = t;
        }
        String kind;
        if (root instanceof OutOfMemoryError) {
            kind = "it ran out of memory (more can be given with GCTLS_JAVA_OPTS=-Xmx...)";
        } else if (root instanceof StackOverflowError) {
            kind = "it ran out of stack (something nested too deeply)";
        } else if (root instanceof NullPointerException) {
            return "a value it needed was missing";
        } else if (root instanceof ClassCastException) {
            return "a value was of a kind it did not expect";
        } else if (root instanceof IndexOutOfBoundsException) {
            return "it read past the end of a list";
        } else if (root instanceof NumberFormatException) {
            kind = "a number could not be read";
        } else if (root instanceof ArithmeticException) {
            kind = "a calculation failed";
        } else if (root instanceof ConcurrentModificationException) {
            return "a list changed while it was being read";
        } else if (root instanceof UnsupportedOperationException) {
            kind = "it was asked for something it does not support";
        } else {
            kind = "an unexpected failure";
        }
        String detail = detail(root.getMessage());
        return detail.isEmpty() ? kind : kind + ": " + detail;
    }

    private static String io(IOException e) {
        String where = e instanceof FileSystemException fs && fs.getFile() != null ? " on " + Quote.of(fs.getFile()) : "";
        String why = detail(InputFiles.why(e));
        return "reading or writing failed" + where + (why.isEmpty() ? "" : ": " + why);
    }

    /** The first line of a message without class names, shortened; empty when nothing readable is left. */
    private static String detail(String message) {
        if (message == null) {
            return "";
        }
        String line = CLASS_NAME.matcher(message.lines().findFirst().orElse("")).replaceAll("").strip();
        if (line.length() > LONGEST_DETAIL) {
            line = line.substring(0, LONGEST_DETAIL) + "...";
        }
        return line.chars().anyMatch(Character::isLetter) ? line : "";
    }
}
