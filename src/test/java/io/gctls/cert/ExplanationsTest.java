package io.gctls.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/findings.md has an entry for every code, each with its three parts, and `cert explain` reads it. */
class ExplanationsTest {

    @Test
    void everyCodeHasAnEntryWithMeaningWhyAndFix() {
        Map<String, Explanations.Entry> entries = Explanations.all();
        for (CheckCode code : CheckCode.values()) {
            assertThat(entries).as("docs/findings.md entry for " + code.code()).containsKey(code.code());
            Explanations.Entry entry = entries.get(code.code());
            assertThat(entry.meaning()).as(code.code() + " meaning").isNotBlank();
            assertThat(entry.why()).as(code.code() + " why").isNotBlank();
            assertThat(entry.fix()).as(code.code() + " fix").isNotBlank();
            assertThat(entry.severity()).as(code.code() + " severity").contains(code.severity().name());
        }
        assertThat(entries.keySet()).as("no entry for a code that does not exist")
                .allMatch(c -> Arrays.stream(CheckCode.values()).anyMatch(k -> k.code().equals(c)));
    }

    @Test
    void theJarCarriesTheDocumentAsWritten() throws Exception {
        assertThat(Explanations.document()).isEqualTo(Files.readString(
                Fixtures.dir().getParent().getParent().resolve("docs/findings.md")));
        assertThat(Explanations.of("  Chain-Completed-From-AIA ")).hasValueSatisfying(e -> assertThat(e.fix())
                .contains("gctls cert bundle --cert leaf.pem --out chain.pem"));
        assertThat(Explanations.of("no-such-code")).isEmpty();
    }
}
