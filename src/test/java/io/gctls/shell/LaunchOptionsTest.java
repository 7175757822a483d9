package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void noArgumentsOpensThePrompt() {
        assertThat(LaunchOptions.parse().interactive()).isTrue();
        assertThat(LaunchOptions.parse("--sandbox").interactive()).isTrue();
    }

    @Test
    void sessionFlagsBeforeTheCommandAreTaken() {
        LaunchOptions options = LaunchOptions.parse("--sandbox", "--output", "json", "--debug", "cert", "inspect",
                "--cert", "a.pem");
        assertThat(options.settings().sandbox()).isTrue();
        assertThat(options.settings().format()).isEqualTo(OutputFormat.JSON);
        assertThat(options.settings().debug()).isTrue();
        assertThat(options.commandWords()).containsExactly("cert", "inspect", "--cert", "a.pem");
    }

    @Test
    void commandOptionsAfterTheCommandStayWithTheCommand() {
        LaunchOptions options = LaunchOptions.parse("cert", "inspect", "--output", "json", "--strict");
        assertThat(options.settings().format()).isEqualTo(OutputFormat.TEXT);
        assertThat(options.commandWords()).containsExactly("cert", "inspect", "--output", "json", "--strict");
    }

    @Test
    void sandboxAndProfileAreSessionFlagsAnywhere() {
        LaunchOptions options = LaunchOptions.parse("auth", "status", "--sandbox", "--profile", "prod",
                "--no-token-cache");
        assertThat(options.settings().sandbox()).isTrue();
        assertThat(options.settings().profile()).contains("prod");
        assertThat(options.settings().tokenCache()).isFalse();
        assertThat(options.commandWords()).containsExactly("auth", "status");
    }

    @Test
    void commandFile() {
        LaunchOptions options = LaunchOptions.parse("--strict", "@rotate.gctls");
        assertThat(options.scriptFile()).contains("rotate.gctls");
        assertThat(options.settings().strict()).isTrue();
        assertThat(options.interactive()).isFalse();
        assertThatThrownBy(() -> LaunchOptions.parse("@a.gctls", "extra")).hasMessageContaining("nothing may follow");
    }

    @Test
    void badOutputIsAUsageError() {
        assertThatThrownBy(() -> LaunchOptions.parse("--output", "yaml", "help"))
                .hasMessageContaining("--output must be text or json");
        assertThatThrownBy(() -> LaunchOptions.parse("--profile")).hasMessageContaining("--profile needs a value");
    }

    @Test
    void helpAndVersionFlagsBeforeACommandAreTheirCommands() {
        for (String flag : new String[] {"--help", "-h"}) {
            LaunchOptions options = LaunchOptions.parse(flag);
            assertThat(options.interactive()).isFalse();
            assertThat(options.usage()).isTrue();
            assertThat(options.commandWords()).containsExactly("help");
        }
        for (String flag : new String[] {"--version", "-V"}) {
            LaunchOptions options = LaunchOptions.parse("--sandbox", flag);
            assertThat(options.commandWords()).containsExactly("version");
            assertThat(options.usage()).isFalse();
        }
        // after a command they are the command's own
        assertThat(LaunchOptions.parse("cert", "inspect", "-h").commandWords()).containsExactly("cert", "inspect",
                "-h");
        assertThat(LaunchOptions.parse("cert", "inspect", "--help").usage()).isFalse();
    }
}
