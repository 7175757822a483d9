package io.gctls.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code sandbox seed} made: the domains deployed (in order), those whose deployed
 * certificate expires within days, the folder of new bundles (a {@code rotate --dir}), and the
 * root that anchors every seeded certificate (a {@code --trust} file).
 */
public record SeedResult(List<String> domains, List<String> expiring, Path folder, Path trust) {
}
