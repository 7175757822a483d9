package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRunnerTest {

    @Test
    void skipsCommentsAndBlankLinesKeepsLineNumbersAndJoinsContinuations(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rotate.gctls");
        Files.writeString(file, "\uFEFF# header\r\n\r\ncert inspect \\\r\n  --cert a.pem\r\n   # indented comment\n"
                + "deploy --dry-run\n");
        assertThat(ScriptRunner.read(file)).containsExactly(
                new ScriptRunner.Line(3, "cert inspect --cert a.pem"),
                new ScriptRunner.Line(6, "deploy --dry-run"));
    }
}
