package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.core.Prompter;
import io.gctls.core.XdgDirs;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code help} and Tab on the shell as it is assembled for users, not on stand-in commands. */
class RealShellHelpTest {

    @TempDir
    Path home;

    private Components components;
    private GctlsShell shell;

    @BeforeEach
    void assemble() {
        components = Components.create(new Components.Overrides()
                .environment(Environment.of(Map.of())).dirs(XdgDirs.from(Map.of(), home)));
        shell = components.shell();
    }

    @AfterEach
    void close() {
        components.close();
    }

    private String help(String command) {
        StringWriter out = new StringWriter();
        ExitCode code = shell.execute("help " + command, new Output(out, out, OutputFormat.TEXT, false),
                Prompter.none());
        assertThat(code).as(out.toString()).isEqualTo(ExitCode.OK);
        return out.toString();
    }

    @Test
    void helpDeployShowsTheTlsVersionsAsTheyAreTyped() {
        for (String command : List.of("deploy", "payload build")) {
            assertThat(help(command)).as("help " + command).contains("--tls-version TLSv1.2|TLSv1.3")
                    .doesNotContain("TLSV1");
        }
    }

    @Test
    void helpTabOffersTheCommandNames() {
        assertThat(GctlsCompleter.complete(shell, "help ")).contains("deploy", "domains", "cert", "sandbox",
                "help");
        assertThat(GctlsCompleter.complete(shell, "help dep")).contains("deploy");
        assertThat(GctlsCompleter.complete(shell, "help sandbox ")).contains("start", "stop", "status");
    }
}
