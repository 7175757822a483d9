package io.gctls.auth;

import io.gctls.core.Cancellation;
import io.gctls.core.GctlsException;
import io.gctls.core.InputFiles;
import io.gctls.core.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a secret from a file (docs/configuration.md "Secrets"): the first line, without its line end. A file that group
 * or others can read is refused, because the secret in it is already exposed to them.
 */
public final class SecretFile {

    private SecretFile() {
    }

    /** Secret files hold one line; anything bigger was picked by mistake. */
    private static final long MAX_BYTES = 64 * 1024;

    public static String read(Path file, String what) {
        String content = new String(InputFiles.readSecret(file, what + " file", MAX_BYTES, Cancellation.never()),
                StandardCharsets.UTF_8);
        String first = content.lines().findFirst().orElse("").strip();
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        if (first.isEmpty()) {
            throw GctlsException.input(what + " file " + file + " is empty");
        }
        Secrets.register(first);
        return first;
    }

    /** Declares IOException for the callers written against the old check; it no longer throws one. */
    static void refuseIfShared(Path file, String what) throws java.io.IOException {
        InputFiles.refuseIfShared(file, what);
    }
}
