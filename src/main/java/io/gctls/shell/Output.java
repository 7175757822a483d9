package io.gctls.shell;

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

    public Output(Writer out, Writer err, OutputFormat format, boolean colour) {
        this.out = redacting(out);
        this.err = out == err ? this.out : redacting(err);
        this.format = format;
        this.styler = Styler.of(colour && format == OutputFormat.TEXT);
    }

    private Output(PrintWriter out, PrintWriter err, OutputFormat format, Styler styler) {
        this.out = out;
        this.err = err;
        this.format = format;
        this.styler = styler;
    }

    public Output withFormat(OutputFormat newFormat) {
        return new Output(out, err, newFormat, Styler.of(styler.colour() && newFormat == OutputFormat.TEXT));
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
        out.println(Json.pretty(document));
        out.flush();
    }

    /** Writes one JSON line, for streams such as {@code audit tail}. */
    public void jsonLine(Object document) {
        out.println(Json.compact(document));
        out.flush();
    }

    public void println(String line) {
        out.println(line);
        out.flush();
    }

    /** A diagnostic or progress line on stderr. */
    public void note(String line) {
        err.println(line);
        err.flush();
    }

    public void flush() {
        out.flush();
        err.flush();
    }

    private static PrintWriter redacting(Writer target) {
        return new PrintWriter(new RedactingWriter(target), true);
    }
}
