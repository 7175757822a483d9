package io.gctls.rotate;

import io.gctls.core.Cancellation;
import java.nio.file.Path;
import java.util.List;

/** Where a rotation's bundles come from: a manifest file or a folder of domain folders. */
public record Source(Kind kind, Path path) {

    public enum Kind { MANIFEST, DIR }

    public static Source manifest(Path file) {
        return new Source(Kind.MANIFEST, file.toAbsolutePath().normalize());
    }

    public static Source dir(Path folder) {
        return new Source(Kind.DIR, folder.toAbsolutePath().normalize());
    }

    public List<Bundle> read(Cancellation cancellation) {
        return kind == Kind.MANIFEST ? Manifests.read(path, cancellation) : Manifests.readDir(path);
    }

    /** {@code --manifest F} or {@code --dir D}: how it is given on the command line. */
    public String describe() {
        return (kind == Kind.MANIFEST ? "--manifest " : "--dir ") + path;
    }
}
