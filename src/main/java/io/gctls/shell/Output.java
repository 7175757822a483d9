package io.gctls.shell;

import io.gctls.api.Progress;
import io.gctls.api.WaitNotice;
import io.gctls.core.Json;
import io.gctls.core.Secrets;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Where a command's results and error lines go. Results go to {@link #out()}, diagnostics and
 * progress to {@link #err()} so that {@code --output json} stays one clean document on stdout.
 * Both writers pass everything through {@link Secrets#redact} before it is written.
 */
public final class Output {

    private final PrintWriter out;
    private final PrintWriter err;
    private final OutputFormat format;
    private final Styler styler;
    /** The countdown line on a terminal's stderr; null when stderr is not a terminal. */
    private final StatusLine status;

    public Output(Writer out, Writer err, OutputFormat format, boolean colour) {
        this.out = redacting(out);
        this.err = out == err ? this.out : redacting(err);
        this.format = format;
        this.styler = Styler.of(colour && format == OutputFormat.TEXT);
        this.status = null;
    }

    private Output(PrintWriter out, PrintWriter err, OutputFormat format, Styler styler, StatusLine status) {
        this.out = out;
        this.err = err;
        this.format = format;
        this.styler = styler;
        this.status = status;
    }

    public Output withFormat(OutputFormat newFormat) {
        return new Output(out, err, newFormat, Styler.of(styler.colour() && newFormat == OutputFormat.TEXT), status);
    }

    /**
     * The same output, with waits counted down on one line of stderr. Only for a stderr that is a
     * terminal: anywhere else a wait prints nothing at all.
     */
    public Output withStatusLine(boolean stderrIsTerminal) {
        return new Output(out, err, format, styler, stderrIsTerminal ? new StatusLine(err) : null);
    }

    /**
     * What a command hands to the API and the domain as its progress listener: notes go to stderr
     * as lines, waits become the countdown line at a terminal and nothing elsewhere.
     */
    public Progress progress() {
        return new Progress() {
            @Override
            public void accept(String line) {
                note(line);
            }

            @Override
            public void waiting(WaitNotice notice) {
                if (status != null) {
                    status.countDown(notice);
                }
            }
        };
    }

    /**
     * Shows {@code text} as the one live line on a terminal's stderr (a rotation's done/total, rate
     * and ETA), replacing what it showed before; any other output clears it first. Nothing at all
     * when stderr is not a terminal.
     */
    public void live(String text) {
        if (status != null) {
            status.show(text);
        }
    }

    /** Removes the countdown line, if one is shown. */
    public void clearStatus() {
        if (status != null) {
            status.clear();
        }
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public OutputFormat format() {
        return format;
    }

    public boolean json() {
        return format == OutputFormat.JSON;
    }

    public Styler style() {
        return styler;
    }

    /** Writes one JSON document (pretty) to stdout. */
    public void json(Object document) {
        clearStatus();
        out.println(Json.pretty(document));
        out.flush();
    }

    /** Writes one JSON line, for streams such as {@code audit tail}. */
    public void jsonLine(Object document) {
        clearStatus();
        out.println(Json.compact(document));
        out.flush();
    }

    public void println(String line) {
        clearStatus();
        out.println(line);
        out.flush();
    }

    /** A diagnostic or progress line on stderr. */
    public void note(String line) {
        clearStatus();
        err.println(line);
        err.flush();
    }

    public void flush() {
        clearStatus();
        out.flush();
        err.flush();
    }

    private static PrintWriter redacting(Writer target) {
        return new PrintWriter(new RedactingWriter(target), true);
    }
}
