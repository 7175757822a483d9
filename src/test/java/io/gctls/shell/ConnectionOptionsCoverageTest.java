package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Environment;
import io.gctls.core.XdgDirs;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that talks to the API takes the connection options, so that none of them says "pass --region" in vain. */
class ConnectionOptionsCoverageTest {

    /** They hold ApiAccess only to switch the session's profile; they never connect. */
    private static final Set<String> PROFILE_COMMANDS = Set.of("profile list", "profile show", "profile use");

    @TempDir
    Path home;

    @Test
    void everyCommandThatReachesTheApiDeclaresTheConnectionOptions() {
        try (Components components = Components.create(new Components.Overrides()
                .environment(Environment.of(Map.of())).dirs(XdgDirs.from(Map.of(), home)))) {
            java.util.List<GctlsCommand> apiCommands = components.shell().commands().stream()
                    .filter(c -> Arrays.stream(c.getClass().getDeclaredFields())
                            .anyMatch(f -> f.getType() == ApiAccess.class))
                    .filter(c -> !PROFILE_COMMANDS.contains(c.getName()))
                    .toList();
            assertThat(apiCommands).extracting(GctlsCommand::getName).contains("deploy", "domains list",
                    "audit tail", "auth login");
            assertThat(apiCommands).allSatisfy(c -> assertThat(c.optionSpecs()).as(c.getName())
                    .containsAll(ConnectionOptions.ALL));
        }
    }
}
