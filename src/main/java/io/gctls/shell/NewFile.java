package io.gctls.shell;

import io.gctls.core.GctlsException;
import io.gctls.core.InputFiles;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file a command writes on the user's word ({@code payload save --out}, {@code cert bundle
 * --out}): always a new file, never over an existing one, and never in a folder it had to make up
 * (a mistyped folder is an error to report, not a folder to create at {@code /}).
 */
public final class NewFile {

    private NewFile() {
    }

    /** @param ownerOnly created 0600 in one step (it holds a private key): never readable by others, even briefly */
    public static void write(Path file, String content, Charset charset, boolean ownerOnly) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw GctlsException.input("cannot write " + file + ": the folder " + parent + (Files.exists(parent)
                    ? " is not a folder" : " does not exist") + " (create it first, or choose another --out)");
        }
        try {
            if (ownerOnly) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------")));
                Files.writeString(file, content, charset, StandardOpenOption.TRUNCATE_EXISTING);
            } else {
                Files.writeString(file, content, charset, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw GctlsException.input("not overwriting " + file + ": it exists (remove it or choose another --out)");
        } catch (IOException e) {
            throw GctlsException.input("cannot write " + file + ": " + InputFiles.why(e));
        }
    }
}
