package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The home gctls's folders hang from: $HOME as shells take it, the JVM's user.home otherwise. */
class XdgDirsHomeTest {

    @Test
    void anAbsoluteHomeFromTheEnvironmentWins() {
        assertThat(XdgDirs.home(Map.of("HOME", "/tmp/fresh"), "/root")).isEqualTo(Path.of("/tmp/fresh"));
    }

    @Test
    void aMissingBlankOrRelativeHomeFallsBackToTheJvms() {
        assertThat(XdgDirs.home(Map.of(), "/root")).isEqualTo(Path.of("/root"));
        assertThat(XdgDirs.home(Map.of("HOME", " "), "/root")).isEqualTo(Path.of("/root"));
        assertThat(XdgDirs.home(Map.of("HOME", "relative/home"), "/root")).isEqualTo(Path.of("/root"));
    }
}
