package io.gctls.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rotation journal: 0600, one flushed line per event, a torn last line tolerated, an unknown version refused. */
class JournalTest {

    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-06-01T10:00:00Z"));

    @TempDir
    Path dir;

    private static DomainOutcome done(String domain) {
        return new DomainOutcome(domain, DomainOutcome.CREATED, "create", "id-" + domain, "ab", 1, 0, false, 0, "");
    }

    private Path journalOf(String... domainsInFlight) {
        Path file = dir.resolve("rotations/r1.jsonl");
        try (Journal journal = Journal.create(file, clock, Map.of("id", "r1", "domains", 3))) {
            journal.intent("a.example.com", "create", "aa", false);
            journal.outcome(done("a.example.com"));
            for (String domain : domainsInFlight) {
                journal.intent(domain, "create", "bb", false);
            }
        }
        return file;
    }

    @Test
    void aNewJournalIsPrivateAndEveryLineIsOnDiskAsItIsWritten() throws IOException {
        Path file = dir.resolve("rotations/r1.jsonl");
        try (Journal journal = Journal.create(file, clock, Map.of("id", "r1"))) {
            journal.intent("a.example.com", "create", "aa", false);
            // read while still open: the line is in the file before the request would go out
            assertThat(Files.readAllLines(file)).hasSize(2);
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readAllLines(file).get(1)).isEqualTo("{\"v\":1,\"type\":\"intent\",\"at\":"
                + "\"2026-06-01T10:00:00Z\",\"domain\":\"a.example.com\",\"action\":\"create\",\"fingerprint\":\"aa\"}");
    }

    @Test
    void anExistingJournalIsNeverOverwritten() {
        Path file = journalOf();

        assertThatThrownBy(() -> Journal.create(file, clock, Map.of("id", "r2")))
                .isInstanceOfSatisfying(GctlsException.class, e -> assertThat(e.getMessage())
                        .contains("already exists").contains("--resume " + file));
    }

    @Test
    void domainStatesSayWhatIsDoneAndWhatWasInFlight() {
        Journal.Contents contents = Journal.read(journalOf("b.example.com"), Cancellation.never());

        assertThat(contents.id()).isEqualTo("r1");
        assertThat(contents.tornLastLine()).isFalse();
        Journal.DomainState a = contents.domains().get("a.example.com");
        Journal.DomainState b = contents.domains().get("b.example.com");
        assertThat(a.done()).isTrue();
        assertThat(a.lookUpFirst()).isFalse();
        assertThat(b.done()).isFalse();
        assertThat(b.inFlight()).isTrue();
        assertThat(b.lookUpFirst()).isTrue();
    }

    @Test
    void aFailedCreateIsStillLookedUpFirstButAFailedReplaceIsNot() throws IOException {
        Path file = journalOf();
        try (Journal journal = Journal.append(file, clock)) {
            journal.intent("b.example.com", "create", "bb", false);
            journal.outcome(new DomainOutcome("b.example.com", DomainOutcome.FAILED, "create", "", "bb", 0, 0, false,
                    6, "no clear answer"));
            journal.intent("c.example.com", "replace", "cc", false);
            journal.outcome(new DomainOutcome("c.example.com", DomainOutcome.FAILED, "replace", "d-c", "cc", 0, 0,
                    false, 6, "503"));
        }

        Map<String, Journal.DomainState> states = Journal.read(file, Cancellation.never()).domains();

        assertThat(states.get("b.example.com").lookUpFirst()).isTrue();
        assertThat(states.get("b.example.com").inFlight()).isFalse();
        assertThat(states.get("c.example.com").lookUpFirst()).isFalse();
    }

    @Test
    void aTornLastLineIsToleratedAndCutBeforeTheNextAppend() throws IOException {
        Path file = journalOf("b.example.com");
        Files.writeString(file, "{\"v\":1,\"type\":\"outcome\",\"domain\":\"b.exa", StandardOpenOption.APPEND);

        Journal.Contents contents = Journal.read(file, Cancellation.never());

        assertThat(contents.tornLastLine()).isTrue();
        assertThat(contents.domains().get("b.example.com").inFlight()).isTrue();
        try (Journal journal = Journal.append(file, clock)) {
            journal.outcome(done("b.example.com"));
        }
        Journal.Contents after = Journal.read(file, Cancellation.never());
        assertThat(after.tornLastLine()).isFalse();
        assertThat(after.domains().get("b.example.com").done()).isTrue();
        assertThat(Files.readString(file)).doesNotContain("b.exa\"");
    }

    @Test
    void anUnknownVersionIsRefusedClearly() throws IOException {
        Path file = journalOf();
        Files.writeString(file, "{\"v\":2,\"type\":\"intent\",\"domain\":\"c.example.com\"}\n",
                StandardOpenOption.APPEND);

        assertThatThrownBy(() -> Journal.read(file, Cancellation.never()))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT);
                    assertThat(e.getMessage()).isEqualTo("journal " + file + " line 4 is journal version 2; this"
                            + " gctls reads version 1 only (resume it with the gctls that wrote it)");
                });
    }

    @Test
    void aDamagedLineInTheMiddleOrAFileThatIsNoJournalIsRefused() throws IOException {
        Path damaged = journalOf("b.example.com");
        String text = Files.readString(damaged);
        Files.writeString(damaged, text.replaceFirst("\"type\":\"intent\"", "\"type\":\"intent\"}garbage{"));
        Path foreign = Files.writeString(dir.resolve("notes.jsonl"), "{\"hello\":1}\n");
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Journal.read(damaged, Cancellation.never())).hasMessageContaining("line 2 is not JSON");
        assertThatThrownBy(() -> Journal.read(foreign, Cancellation.never()))
                .hasMessageContaining("line 1 has no journal version");
        assertThatThrownBy(() -> Journal.read(empty, Cancellation.never()))
                .hasMessageContaining("does not begin with a start line");
    }
}
