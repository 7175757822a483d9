package io.gctls.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * How a gctls line splits into words, at the prompt, in command files and for Tab completion,
 * with bash's rules: whitespace separates words; {@code '...'} keeps everything literal;
 * {@code "..."} keeps everything but {@code \"} and {@code \\}; a backslash outside quotes keeps
 * the next character ({@code with\ space}); quotes may open anywhere in a word
 * ({@code --path='/api/*'}) and {@code ''} is an empty word; a {@code #} at the start of a word
 * starts a comment ({@code auth status   # note}), while {@code x#y}, {@code '#'} and {@code \#}
 * are literal. A completed file name is escaped the same way, so it reads back as one word.
 *
 * <p>Hand-written because neither parser at hand does this: JLine's {@code DefaultParser} opens a
 * quote only at the start of a word and drops empty quoted words, and its {@code #} comments cut
 * words in the middle; Spring Shell's copy of it leaves completions unescaped and miscounts the
 * raw cursor after an escape, so a completed {@code with space.pem} came back as two words.
 */
public final class LineSyntax implements Parser {

    private final boolean continuation;

    private LineSyntax(boolean continuation) {
        this.continuation = continuation;
    }

    /** For splitting a complete line: an unclosed quote is an error the caller reports. */
    public static LineSyntax forLines() {
        return new LineSyntax(false);
    }

    /** For the prompt: an unclosed quote or a trailing backslash asks for the next line. */
    public static LineSyntax forPrompt() {
        return new LineSyntax(true);
    }

    /** A word's text, where it sits in the raw line, and the quote it opened with (0 when none). */
    private record Word(String text, int start, int end, char openingQuote) {
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        String text = line == null ? "" : line;
        List<Word> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        int start = -1;
        char openingQuote = 0;
        char quote = 0;
        boolean trailingEscape = false;
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (quote == '"') {
                if (c == '\\' && continuesOnNextLine(text, i)) {
                    i = text.charAt(i + 1) == '\r' ? i + 2 : i + 1;
                } else if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"'
                        || text.charAt(i + 1) == '\\')) {
                    current.append(text.charAt(++i));
                } else if (c == '"') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\\' && continuesOnNextLine(text, i)) {
                i = text.charAt(i + 1) == '\r' ? i + 2 : i + 1; // a continued line: the break is no character
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(new Word(current.toString(), start, i, openingQuote));
                    current.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                end = i; // a comment runs to the end of the line
                break;
            } else {
                if (!inWord) {
                    inWord = true;
                    start = i;
                    openingQuote = c == '\'' || c == '"' ? c : 0;
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\') {
                    if (i + 1 < text.length()) {
                        current.append(text.charAt(++i));
                    } else {
                        trailingEscape = true;
                    }
                } else {
                    current.append(c);
                }
            }
        }
        if (inWord) {
            words.add(new Word(current.toString(), start, end, openingQuote));
        }
        if (context == ParseContext.ACCEPT_LINE) {
            if (quote != 0) {
                throw new EOFError(-1, -1, "Missing closing quote", quote == '\'' ? "quote" : "dquote");
            }
            if (trailingEscape && continuation) {
                throw new EOFError(-1, -1, "Escaped new line", "newline");
            }
        }
        return new Line(text, cursor, words, quote);
    }

    private static boolean continuesOnNextLine(String text, int backslash) {
        return text.startsWith("\n", backslash + 1) || text.startsWith("\r\n", backslash + 1);
    }

    /** The parse result, with what JLine needs to replace the word under the cursor by a completion. */
    private static final class Line implements CompletingParsedLine {

        private final String line;
        private final int cursor;
        private final List<String> words;
        private final int wordIndex;
        private final Word word;
        private final char openQuoteAtEnd;

        Line(String line, int cursor, List<Word> parsed, char openQuoteAtEnd) {
            this.line = line;
            this.cursor = cursor;
            this.openQuoteAtEnd = openQuoteAtEnd;
            List<Word> all = new ArrayList<>(parsed);
            int index = -1;
            if (cursor >= 0) {
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).start() <= cursor && cursor <= all.get(i).end()) {
                        index = i;
                        break;
                    }
                }
                if (index < 0) {
                    // the cursor stands between words (or after the last): completing an empty word there
                    index = (int) all.stream().filter(w -> w.end() < cursor).count();
                    all.add(index, new Word("", cursor, cursor, (char) 0));
                }
            }
            this.wordIndex = index;
            this.word = index < 0 ? null : all.get(index);
            this.words = Collections.unmodifiableList(all.stream().map(Word::text).toList());
        }

        @Override
        public String word() {
            return word == null ? "" : word.text();
        }

        @Override
        public int wordCursor() {
            if (word == null) {
                return 0;
            }
            // the word's text up to the cursor, unescaped: parse that raw prefix on its own
            String rawPrefix = line.substring(word.start(), Math.max(word.start(), cursor));
            List<String> prefix = forLines().parse(rawPrefix, rawPrefix.length(), ParseContext.COMPLETE).words();
            return prefix.isEmpty() ? 0 : prefix.get(0).length();
        }

        @Override
        public int wordIndex() {
            return wordIndex;
        }

        @Override
        public List<String> words() {
            return words;
        }

        @Override
        public String line() {
            return line;
        }

        @Override
        public int cursor() {
            return cursor;
        }

        @Override
        public int rawWordCursor() {
            return word == null ? 0 : cursor - word.start();
        }

        @Override
        public int rawWordLength() {
            return word == null ? 0 : word.end() - word.start();
        }

        /** The completion as it must be typed to read back as one word: quoted like the word began, else escaped. */
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            char q = word != null && word.openingQuote() != 0 ? word.openingQuote() : 0;
            StringBuilder out = new StringBuilder();
            if (q == '\'') {
                out.append('\'').append(candidate.toString().replace("'", "'\\''"));
                if (complete || openQuoteAtEnd == 0) {
                    out.append('\'');
                }
                return out;
            }
            if (q == '"') {
                out.append('"').append(candidate.toString().replace("\\", "\\\\").replace("\"", "\\\""));
                if (complete || openQuoteAtEnd == 0) {
                    out.append('"');
                }
                return out;
            }
            for (int i = 0; i < candidate.length(); i++) {
                char c = candidate.charAt(i);
                if (Character.isWhitespace(c) || c == '\'' || c == '"' || c == '\\' || (c == '#' && i == 0)) {
                    out.append('\\');
                }
                out.append(c);
            }
            return out;
        }
    }
}
