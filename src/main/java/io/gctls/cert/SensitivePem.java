package io.gctls.cert;

import io.gctls.core.Secrets;
import java.util.Objects;

/**
 * A private key as unencrypted PEM. It is registered with {@link Secrets} when created, and it
 * never shows itself by accident: {@link #toString()} is masked, so a record holding it can be
 * logged or put in an exception message without leaking the key. Call {@link #reveal()} only
 * where the key must go out on purpose (the API payload, a 0600 file).
 */
public final class SensitivePem {

    private final String pem;

    public SensitivePem(String pem) {
        this.pem = Objects.requireNonNull(pem, "pem");
        Secrets.registerPem(pem);
    }

    /** The PEM text itself. Never print it. */
    public String reveal() {
        return pem;
    }

    @Override
    public String toString() {
        return "SensitivePem[" + Secrets.MASK + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SensitivePem that && that.pem.equals(pem);
    }

    @Override
    public int hashCode() {
        return pem.hashCode();
    }
}
