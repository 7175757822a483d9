package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defect: messages said NoSuchFileException or "IOException Is a directory". */
class FileProblemsTest {

    @TempDir
    Path dir;

    private static String problem(ThrowingRunnable action) {
        try {
            action.run();
        } catch (IOException e) {
            return FileProblems.describe(e);
        }
        throw new AssertionError("no failure");
    }

    interface ThrowingRunnable {
        void run() throws IOException;
    }

    @Test
    void filesProblemsAreWordsNotClassNames() {
        assertThat(problem(() -> Files.readString(dir.resolve("missing.pem")))).isEqualTo("no such file or folder");
        assertThat(problem(() -> Files.readString(dir))).isEqualTo("it is a folder, not a file");
        assertThat(problem(() -> Files.createFile(dir))).isEqualTo("it already exists");
        assertThat(problem(() -> Files.createFile(dir.resolve("missing/x.json")))).isEqualTo(
                "no such file or folder");
        assertThat(FileProblems.describe(new IOException("Input/output error"))).isEqualTo("input/output error");
        assertThat(FileProblems.describe(new IOException())).doesNotContain("Exception");
    }
}
