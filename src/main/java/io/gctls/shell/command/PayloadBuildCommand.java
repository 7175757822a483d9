package io.gctls.shell.command;

import io.gctls.payload.BuiltPayload;
import io.gctls.payload.PayloadPreview;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.PayloadFactory;
import io.gctls.shell.PayloadView;
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
        return Outcome.of(PayloadPreview.of(built), (preview, out) -> PayloadView.summary(built, out),
                Outcome.exitCode(built.verdict()));
    }
}
