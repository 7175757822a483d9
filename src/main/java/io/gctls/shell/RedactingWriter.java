package io.gctls.shell;

import io.gctls.core.Secrets;
import java.io.IOException;
import java.io.Writer;

/**
 * Buffers text up to each line end and masks registered secrets before passing it on. Line
 * buffering matters: a secret split across two write calls must still be recognised.
 */
final class RedactingWriter extends Writer {

    private final Writer target;
    private final StringBuilder pending = new StringBuilder();

    RedactingWriter(Writer target) {
        this.target = target;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) throws IOException {
        pending.append(buffer, offset, length);
        int lastNewline = pending.lastIndexOf("\n");
        if (lastNewline >= 0) {
            String complete = pending.substring(0, lastNewline + 1);
            pending.delete(0, lastNewline + 1);
            target.write(Secrets.redact(complete));
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (!pending.isEmpty()) {
            target.write(Secrets.redact(pending.toString()));
            pending.setLength(0);
        }
        target.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
