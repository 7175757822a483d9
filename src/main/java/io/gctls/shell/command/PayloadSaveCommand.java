package io.gctls.shell.command;

import io.gctls.core.GctlsException;
import io.gctls.core.InputFiles;
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
        return Outcome.of(new Saved(out.toString(), built.payload().domain(), "rw-------"),
                (r, o) -> o.println("wrote the payload for " + r.domain() + " to " + r.file()
                        + " (0600; it holds the private key)"), PayloadPreviewCommand.exitCode(built));
    }

    /** What {@code payload save} reports. */
    public record Saved(String file, String domain, String permissions) {
    }

    /** Created 0600 in one step, so the key is never in a file anyone else could open, even briefly. */
    static void write(Path file, String body) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            // a mistyped folder is a mistake to report, not a folder to create (at /, mode 755)
            throw GctlsException.input("cannot write " + file + ": the folder " + parent + (Files.exists(parent)
                    ? " is not a folder" : " does not exist") + " (create it first, or choose another --out)");
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, body, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw GctlsException.input("not overwriting " + file + ": it exists (remove it or choose another --out)");
        } catch (IOException e) {
            throw GctlsException.input("cannot write " + file + ": " + InputFiles.why(e));
        }
    }
}
