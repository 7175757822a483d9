package io.gctls.shell;

import io.gctls.core.Json;
import io.gctls.payload.BuiltPayload;
import io.gctls.payload.PayloadPreview;

/**
 * How a built payload shows as text: the summary {@code payload build} prints, and the redacted
 * body {@code payload preview} and {@code deploy --dry-run} print.
 */
public final class PayloadView {

    private PayloadView() {
    }

    public static void summary(BuiltPayload built, Output out) {
        out.println("payload for " + out.style().bold(built.payload().domain()) + " built (verdict "
                + out.style().severity(built.verdict().label()) + ")");
        Views.field(out, "leaf", built.leafSubject() + ", expires " + built.leafNotAfter());
        Views.field(out, "SHA-256", Views.fingerprint(built.leafFingerprint()));
        Views.field(out, "chain", Views.plural(built.chainLength(), "intermediate") + " in serving order");
        Views.field(out, "key", built.key().type() + " " + built.key().size() + ", public half SHA-256 "
                + Views.fingerprint(built.key().publicKeySha256()));
        Views.field(out, "settings", built.payload().tlsVersion() + ", OCSP stapling "
                + (built.payload().ocspStapling() ? "on" : "off"));
        built.fixups().forEach(f -> Views.field(out, "fixed", f));
        built.warnings().forEach(w -> Views.field(out, "warning", out.style()::warn, w));
    }

    /** The body on stdout (the key redacted), what was fixed and warned about on stderr. */
    public static void preview(PayloadPreview preview, Output out) {
        out.println(Json.pretty(preview.body()));
        preview.fixups().forEach(f -> out.note("fixed: " + f));
        preview.warnings().forEach(w -> out.note(out.style().warn("warning: ") + w));
    }
}
