package io.gctls.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * gctls's own folders under {@code $XDG_CACHE_HOME} and {@code $XDG_STATE_HOME}: created 0700,
 * because they hold tokens, typed history and rotation journals. A folder that is to hold a secret
 * (the token cache) is also checked the way ssh checks {@code ~/.ssh}: a symbolic link or a folder
 * owned by someone else is refused (gctls goes on without it), and one open to others is made
 * private again; either way the caller is told in one line (docs/reliability.md, "Tokens").
 */
public final class PrivateDirs {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDirs() {
    }

    /** What {@link #secure} found: usable or not, and what to tell the user (empty when nothing was wrong). */
    public record Check(boolean usable, Optional<String> note) {
    }

    /**
     * Creates {@code dir} 0700 when it is missing (parents as the system makes them); an existing
     * folder is left as it is. For state (history, journals) where a refusal would cost more than it saves.
     */
    public static Path create(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, attributes());
            } catch (FileAlreadyExistsException e) {
                // another run made it at the same moment
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir); // not a POSIX file system: nothing to set
            }
        }
        return dir;
    }

    /**
     * Each of {@code dirs} in turn (an outer folder first) is created 0700 when missing, refused when
     * it is a symbolic link or not the user's, and made private when others may use it.
     */
    public static Check secure(Path... dirs) {
        StringBuilder notes = new StringBuilder();
        for (Path dir : dirs) {
            try {
                if (Files.isSymbolicLink(dir)) {
                    return refused(dir, "is a symbolic link (to " + Files.readSymbolicLink(dir) + ")");
                }
                if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    create(dir);
                    continue;
                }
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    return refused(dir, "is not a folder");
                }
                UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
                String me = System.getProperty("user.name");
                if (!owner.getName().equals(me)) {
                    return refused(dir, "belongs to " + owner.getName() + ", not " + me);
                }
                Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
                open.addAll(now);
                open.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE));
                if (!open.isEmpty()) {
                    Set<PosixFilePermission> fixed = EnumSet.noneOf(PosixFilePermission.class);
                    fixed.addAll(now);
                    fixed.removeAll(open);
                    fixed.addAll(OWNER_ONLY);
                    Files.setPosixFilePermissions(dir, fixed);
                    notes.append(notes.isEmpty() ? "" : "; ").append(dir).append(" was open to others (")
                            .append(PosixFilePermissions.toString(now)).append("); made it private (")
                            .append(PosixFilePermissions.toString(fixed)).append(")");
                }
            } catch (UnsupportedOperationException e) {
                continue; // not a POSIX file system: nothing to check
            } catch (IOException e) {
                return refused(dir, "cannot be checked (" + e.getClass().getSimpleName() + ")");
            }
        }
        return new Check(true, notes.isEmpty() ? Optional.empty() : Optional.of(notes.toString()));
    }

    private static Check refused(Path dir, String why) {
        return new Check(false, Optional.of(dir + " " + why + "; not using it (remove it and gctls makes a private"
                + " one)"));
    }

    private static java.nio.file.attribute.FileAttribute<Set<PosixFilePermission>> attributes() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
