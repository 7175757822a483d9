package io.gctls.auth;

import io.gctls.core.GctlsException;
import io.gctls.core.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Reads a secret from a file (SPEC §7): the first line, without its line end. A file that group
 * or others can read is refused, because the secret in it is already exposed to them.
 */
public final class SecretFile {

    private SecretFile() {
    }

    public static String read(Path file, String what) {
        try {
            refuseIfShared(file, what);
            String content = Files.readString(file, StandardCharsets.UTF_8);
            String first = content.lines().findFirst().orElse("").strip();
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            if (first.isEmpty()) {
                throw GctlsException.input(what + " file " + file + " is empty");
            }
            Secrets.register(first);
            return first;
        } catch (NoSuchFileException e) {
            throw GctlsException.input("cannot read " + what + " file " + file + ": no such file");
        } catch (IOException e) {
            throw GctlsException.input("cannot read " + what + " file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    static void refuseIfShared(Path file, String what) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: nothing to check
        }
        if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            throw GctlsException.input("refusing to read the " + what + " from " + file + ": other users can read it"
                    + " (run: chmod 600 " + file + ")");
        }
    }
}
