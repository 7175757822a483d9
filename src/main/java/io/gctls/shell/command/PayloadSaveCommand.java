package io.gctls.shell.command;

import io.gctls.payload.BuiltPayload;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.NewFile;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.PayloadFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code payload save --out F}: the real body, private key included, in a file only you can read (0600). */
public class PayloadSaveCommand extends GctlsCommand {

    static final Opt<Path> OUT = OptionSpec.file("out", "the file to create (must not exist; its folder must)")
            .mandatory();

    private final PayloadFactory factory;

    public PayloadSaveCommand(PayloadFactory factory) {
        super("payload save", "Deploy", "Write the real body (with the private key) to a new file created 0600",
                List.of("payload save --out body.json",
                        "payload save --out body.json --domain www.example.com --cert leaf.pem --key leaf.key"),
                PayloadFactory.options(OUT));
        this.factory = factory;
    }

    @Override
    public Outcome run(Invocation invocation) {
        Path out = invocation.get(OUT);
        BuiltPayload built = factory.buildOrLast(invocation);
        NewFile.write(out, built.payload().toRequestJson(), StandardCharsets.UTF_8, true);
        return Outcome.of(new Saved(out.toString(), built.payload().domain(), "rw-------"),
                (r, o) -> o.println("wrote the payload for " + r.domain() + " to " + r.file()
                        + " (0600; it holds the private key)"), Outcome.exitCode(built.verdict()));
    }

    /** What {@code payload save} reports. */
    public record Saved(String file, String domain, String permissions) {
    }
}
