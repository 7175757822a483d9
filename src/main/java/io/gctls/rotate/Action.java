package io.gctls.rotate;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a rotation does for one domain, decided by comparing the new bundle with what is deployed. */
public enum Action {
    /** Not deployed yet: one POST. */
    CREATE,
    /** Deployed with another certificate: one PUT. */
    REPLACE,
    /** Deployed with this very certificate: nothing to send. */
    UNCHANGED,
    /** The bundle's verdict is error (or a file of it cannot be read): skipped, and reported. */
    REFUSED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean sends() {
        return this == CREATE || this == REPLACE;
    }
}
