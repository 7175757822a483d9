package io.gctls.api;

/** An attempt that ended without an HTTP answer. */
public final class TransportFailure extends Exception {

    public enum Kind {
        /** No connection was made (refused, timed out connecting): the server cannot have acted on it. */
        NOT_SENT,
        /** The host name does not resolve: nothing was sent, and trying again will not help. */
        UNKNOWN_HOST,
        /** No answer in time: the server may or may not have acted on it. */
        TIMEOUT,
        /** The connection dropped (reset, closed) after it was made: the server may have acted on it. */
        RESET
    }

    private final Kind kind;

    public TransportFailure(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the request may have reached the server and been acted on. */
    public boolean ambiguous() {
        return kind == Kind.TIMEOUT || kind == Kind.RESET;
    }

    /** True when repeating the request cannot help. */
    public boolean permanent() {
        return kind == Kind.UNKNOWN_HOST;
    }
}
