package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Environment;
import io.gctls.core.XdgDirs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root: one catalog of commands, and a one-shot run that builds only what it names. */
class ComponentsTest {

    @TempDir
    Path home;

    private Components components;

    private Components components() {
        components = Components.create(new Components.Overrides().environment(Environment.of(Map.of()))
                .dirs(XdgDirs.from(Map.of(), home)));
        return components;
    }

    @AfterEach
    void close() {
        if (components != null) {
            components.close();
        }
    }

    private static List<String> names(GctlsShell shell) {
        return shell.commands().stream().map(GctlsCommand::getName).sorted().toList();
    }

    @Test
    void everyCatalogNameIsTheNameItsCommandDeclares() {
        for (Components.CommandEntry entry : components().catalog()) {
            assertThat(entry.factory().get().getName()).as(entry.name()).isEqualTo(entry.name());
        }
    }

    @Test
    void theWholeShellHasEveryCommandOnceAndTheBuiltIns() {
        GctlsShell shell = components().shell();
        assertThat(names(shell)).doesNotHaveDuplicates()
                .containsAll(components.catalog().stream().map(Components.CommandEntry::name).toList())
                .contains("help", "script", "history", "clear", "exit", "version");
        assertThat(components.shell()).as("built once").isSameAs(shell);
    }

    @Test
    void aOneShotCommandGetsAShellOfTheCommandsItsWordsName() {
        GctlsShell inspect = components().shellFor(LaunchOptions.parse("cert", "inspect", "--cert", "a.pem"));
        assertThat(names(inspect)).contains("cert inspect").doesNotContain("cert bundle", "deploy", "payload build");
        assertThat(inspect.parses(List.of("cert", "inspect", "--cert", "a.pem"))).isTrue();

        // both 'sandbox fault' and 'sandbox fault clear' start these words; the parser picks the longer
        GctlsShell clear = components.shellFor(LaunchOptions.parse("sandbox", "fault", "clear"));
        assertThat(names(clear)).contains("sandbox fault", "sandbox fault clear").doesNotContain("sandbox start");

        GctlsShell version = components.shellFor(LaunchOptions.parse("--version"));
        assertThat(names(version)).contains("version").doesNotContain("cert inspect");
    }

    @Test
    void typosPromptsFilesAndCommandListingBuiltInsGetTheWholeShell() {
        GctlsShell whole = components().shell();
        assertThat(components.shellFor(LaunchOptions.parse("cert", "inspct"))).isSameAs(whole);
        assertThat(components.shellFor(LaunchOptions.parse("cert", "inspect", "--crt", "a.pem"))).isSameAs(whole);
        assertThat(components.shellFor(LaunchOptions.parse("--sandbox"))).isSameAs(whole);
        assertThat(components.shellFor(LaunchOptions.parse("@run.gctls"))).isSameAs(whole);
        assertThat(components.shellFor(LaunchOptions.parse("help", "deploy"))).isSameAs(whole);
        assertThat(components.shellFor(LaunchOptions.parse("--help"))).isSameAs(whole);
    }
}
