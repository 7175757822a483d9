package io.gctls.shell.command;

import io.gctls.payload.BuiltPayload;
import io.gctls.payload.PayloadPreview;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.PayloadFactory;
import java.util.List;

/** {@code payload build}: validate and build the custom-domain body; the session keeps it for preview and save. */
public class PayloadBuildCommand extends GctlsCommand {

    private final PayloadFactory factory;

    public PayloadBuildCommand(PayloadFactory factory) {
        super("payload build", "Deploy", "Validate and build the custom-domain body (kept for payload preview/save)",
                List.of("payload build --domain www.example.com --cert leaf.pem --key leaf.key --chain chain.pem",
                        "payload build --domain www.example.com --cert fullchain.pem --key leaf.key --tls-version TLSv1.3"),
                PayloadFactory.options());
        this.factory = factory;
    }

    @Override
    public Outcome run(Invocation invocation) {
        BuiltPayload built = factory.build(invocation);
        return Outcome.of(PayloadPreview.of(built), (preview, out) -> renderSummary(built, out),
                PayloadPreviewCommand.exitCode(built));
    }

    static void renderSummary(BuiltPayload built, Output out) {
        out.println("payload for " + out.style().bold(built.payload().domain()) + " built (verdict "
                + out.style().severity(built.verdict().label()) + ")");
        out.println("  leaf         " + built.leafSubject() + ", expires " + built.leafNotAfter());
        out.println("  SHA-256      " + built.leafFingerprint());
        out.println("  chain        " + built.chainLength() + " intermediate" + (built.chainLength() == 1 ? "" : "s")
                + " in serving order");
        out.println("  key          " + built.key().type() + " " + built.key().size() + ", public half SHA-256 "
                + built.key().publicKeySha256());
        out.println("  settings     " + built.payload().tlsVersion() + ", OCSP stapling "
                + (built.payload().ocspStapling() ? "on" : "off"));
        built.fixups().forEach(f -> out.println("  fixed        " + f));
        built.warnings().forEach(w -> out.println("  " + out.style().warn("warning") + "      " + w));
    }
}
