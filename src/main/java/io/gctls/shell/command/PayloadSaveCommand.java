package io.gctls.shell.command;

import io.gctls.core.GctlsException;
import io.gctls.payload.BuiltPayload;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.PayloadFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/** {@code payload save --out F}: the real body, private key included, in a file only you can read (0600). */
public class PayloadSaveCommand extends GctlsCommand {

    private final PayloadFactory factory;

    public PayloadSaveCommand(PayloadFactory factory) {
        super("payload save", "Deploy", "Write the real body (with the private key) to a new file created 0600",
                List.of("payload save --out body.json",
                        "payload save --out body.json --domain www.example.com --cert leaf.pem --key leaf.key"),
                PayloadFactory.options(OptionSpec.file("out", "the file to create (must not exist)").mandatory()));
        this.factory = factory;
    }

    @Override
    public Outcome run(Invocation invocation) {
        Path out = invocation.requiredPath("out");
        BuiltPayload built = factory.buildOrLast(invocation);
        write(out, built.payload().toRequestJson());
        return Outcome.of(Map.of("file", out.toString(), "domain", built.payload().domain(), "permissions", "rw-------"),
                (r, o) -> o.println("wrote the payload for " + built.payload().domain() + " to " + out
                        + " (0600; it holds the private key)"), PayloadPreviewCommand.exitCode(built));
    }

    /** Created 0600 in one step, so the key is never in a file anyone else could open, even briefly. */
    static void write(Path file, String body) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, body, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw GctlsException.input("not overwriting " + file + ": it exists (remove it or choose another --out)");
        } catch (IOException e) {
            throw GctlsException.input("cannot write " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
