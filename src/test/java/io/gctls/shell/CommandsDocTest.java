package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Environment;
import io.gctls.core.XdgDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/commands.md's reference part is made from the commands' own declarations (the same ones
 * help prints), so it cannot drift: when a command changes, this test fails until the file is
 * regenerated with {@code mvn -q test -Dtest=CommandsDocTest -Dgctls.docs.write=true}.
 */
class CommandsDocTest {

    static final Path DOC = Path.of("docs/commands.md");
    static final String BEGIN = "<!-- generated from the command declarations: do not edit below -->";

    @TempDir
    Path home;

    @Test
    void docsCommandsMatchesTheDeclarations() throws Exception {
        String generated;
        try (Components components = Components.create(new Components.Overrides()
                .environment(Environment.of(Map.of())).dirs(XdgDirs.from(Map.of(), home)))) {
            generated = HelpText.markdown(components.shell().commands());
        }
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int at = doc.indexOf(BEGIN);
        assertThat(at).as("docs/commands.md has the marker line").isNotNegative();
        String expected = doc.substring(0, at + BEGIN.length()) + "\n\n" + generated;
        if (Boolean.getBoolean("gctls.docs.write")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/commands.md is out of date: run mvn -q test -Dtest=CommandsDocTest "
                + "-Dgctls.docs.write=true").isEqualTo(expected);
    }

    @Test
    void everyCommandHasAnExample() throws Exception {
        try (Components components = Components.create(new Components.Overrides()
                .environment(Environment.of(Map.of())).dirs(XdgDirs.from(Map.of(), home)))) {
            assertThat(components.shell().commands()).allSatisfy(c -> assertThat(c.examples())
                    .as(c.getName()).isNotEmpty());
        }
    }
}
