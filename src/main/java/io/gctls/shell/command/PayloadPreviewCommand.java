package io.gctls.shell.command;

import io.gctls.payload.BuiltPayload;
import io.gctls.payload.PayloadPreview;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.PayloadFactory;
import io.gctls.shell.PayloadView;
import java.util.List;

/** {@code payload preview}: the body exactly as it would be sent, with the private key redacted. */
public class PayloadPreviewCommand extends GctlsCommand {

    private final PayloadFactory factory;

    public PayloadPreviewCommand(PayloadFactory factory) {
        super("payload preview", "Deploy", "Show the body as it would be sent, the private key redacted",
                List.of("payload preview", "payload preview --domain www.example.com --cert leaf.pem --key leaf.key"),
                PayloadFactory.options());
        this.factory = factory;
    }

    @Override
    public Outcome run(Invocation invocation) {
        BuiltPayload built = factory.buildOrLast(invocation);
        return Outcome.of(PayloadPreview.of(built), PayloadView::preview, Outcome.exitCode(built.verdict()));
    }
}
