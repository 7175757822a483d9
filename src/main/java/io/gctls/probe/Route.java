package io.gctls.probe;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the probe chose the address it connected to. */
public enum Route {
    /** HOST[:PORT] itself, resolved through DNS. */
    DIRECT,
    /** {@code --connect ADDR}: another address, HOST still sent as SNI. */
    CONNECT,
    /** The running sandbox's TLS port, because HOST is deployed there. */
    SANDBOX;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
