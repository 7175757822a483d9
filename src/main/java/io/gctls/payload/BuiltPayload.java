package io.gctls.payload;

import io.gctls.cert.KeySummary;
import io.gctls.cert.Verdict;
import java.util.List;

/**
 * A payload ready to send, with what it was made from: the verdict it passed, the leaf's SHA-256
 * fingerprint (to reconcile a deploy), the key's public summary, and the fix-ups applied.
 * {@link #payload()} holds the key; everything else here may be shown.
 */
public record BuiltPayload(CustomDomainPayload payload, Verdict verdict, String leafFingerprint,
        String leafSubject, String leafNotAfter, int chainLength, KeySummary key, List<String> fixups,
        List<String> warnings) {

    @Override
    public String toString() {
        return "BuiltPayload[" + payload.domain() + ", leaf " + leafFingerprint + "]";
    }
}
