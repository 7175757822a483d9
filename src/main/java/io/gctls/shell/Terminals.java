package io.gctls.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether one of the process's standard streams is a terminal. {@link System#console()} needs
 * stdin and stdout to be terminals at once, which rules out {@code gctls ... | jq} (stdout a pipe,
 * stderr still the terminal); on Linux the file behind each descriptor says it directly.
 */
final class Terminals {

    static final int STDIN = 0;
    static final int STDERR = 2;

    private Terminals() {
    }

    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException e) {
                return System.console() != null;
            }
        }
        return System.console() != null;
    }
}
