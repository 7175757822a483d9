package io.gctls.rotate;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.InputFiles;
import io.gctls.core.Json;
import io.gctls.core.PrivateDirs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A rotation's journal: append-only JSON lines, created 0600, one line written and flushed to the
 * file before each domain's request ({@code intent}) and one after it ({@code outcome}), so that a
 * process killed at any moment leaves a record that says, per domain, whether it is done, failed,
 * or was in flight. Reading tolerates a last line cut short by the kill; a line of a journal
 * version this gctls does not know is refused, not guessed at. See docs/rotation.md.
 *
 * <p>Every line has {@code v} (the journal version), {@code type} and {@code at}: {@code start}
 * (id, source, API, options), {@code resume}, {@code intent} (domain, action, fingerprint),
 * {@code outcome} (domain, outcome, id, exit code, message) and {@code end} (the summary).
 */
public final class Journal implements AutoCloseable {

    public static final int VERSION = 1;
    /** A journal of many thousands of domains is a few megabytes. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final Clock clock;

    private Journal(Path file, FileChannel channel, Clock clock) {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
    }

    /** Creates a new journal (its folder 0700 if new, the file 0600) and writes its start line. */
    public static Journal create(Path file, Clock clock, Map<String, Object> start) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                PrivateDirs.create(folder);
            }
            FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Journal journal = new Journal(file, channel, clock);
            journal.write("start", start);
            return journal;
        } catch (FileAlreadyExistsException e) {
            throw GctlsException.input("journal " + file + " already exists; resume it with --resume " + file
                    + ", or choose another --journal");
        } catch (IOException | UnsupportedOperationException e) {
            throw GctlsException.input("cannot create the journal " + file + ": " + describe(e));
        }
    }

    /** Opens an existing journal to append to it, first cutting a torn last line so the next line starts clean. */
    public static Journal append(Path file, Clock clock) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
            long size = channel.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                channel.truncate(keep);
            }
            channel.position(keep);
            return new Journal(file, channel, clock);
        } catch (IOException e) {
            throw GctlsException.input("cannot append to the journal " + file + ": " + describe(e));
        }
    }

    public Path file() {
        return file;
    }

    public void resumed(Map<String, Object> details) {
        write("resume", details);
    }

    /** Before a domain's request: what is about to be sent. */
    public void intent(String domain, String action, String fingerprint, boolean lookUpFirst) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("domain", domain);
        line.put("action", action);
        line.put("fingerprint", fingerprint);
        if (lookUpFirst) {
            line.put("lookUpFirst", true);
        }
        write("intent", line);
    }

    /** After a domain's request, or for a domain that needs none (unchanged, refused). */
    public void outcome(DomainOutcome outcome) {
        write("outcome", Json.mapper().convertValue(outcome, Map.class));
    }

    public void end(Map<String, Object> summary) {
        write("end", summary);
    }

    /** One line, written and flushed to the file before this returns. */
    private synchronized void write(String type, Map<?, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("v", VERSION);
        line.put("type", type);
        line.put("at", clock.instant().toString());
        fields.forEach((k, v) -> line.put(String.valueOf(k), v));
        ByteBuffer bytes = ByteBuffer.wrap((Json.compact(line) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new GctlsException(ExitCode.INPUT, "cannot write the journal " + file + ": " + describe(e)
                    + "; stopping, since what is sent must be recorded");
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // every line was forced to the file as it was written; nothing is lost
        }
    }

    private static String describe(Exception e) {
        return e instanceof IOException io ? InputFiles.why(io) : String.valueOf(e.getMessage());
    }

    // ------------------------------------------------------------------------------------ reading

    /** What a journal says: its start line, and every line after it in order. */
    public record Contents(Path file, JsonNode start, List<JsonNode> lines, boolean tornLastLine) {

        public String id() {
            return start.path("id").asString("");
        }

        /** Per domain, what its lines say, in the order domains first appear. */
        public Map<String, DomainState> domains() {
            Map<String, DomainState> states = new LinkedHashMap<>();
            for (JsonNode line : lines) {
                String type = line.path("type").asString("");
                String domain = line.path("domain").asString("");
                if (domain.isEmpty()) {
                    continue;
                }
                DomainState previous = states.getOrDefault(domain, DomainState.NONE);
                if (type.equals("intent")) {
                    states.put(domain, previous.withIntent(line.path("action").asString("")));
                } else if (type.equals("outcome")) {
                    states.put(domain, previous.withOutcome(line.path("outcome").asString("")));
                }
            }
            return states;
        }

        /** The end line, when the run finished (a run killed or parked has none). */
        public Optional<JsonNode> end() {
            JsonNode last = null;
            for (JsonNode line : lines) {
                String type = line.path("type").asString("");
                if (type.equals("end")) {
                    last = line;
                } else if (type.equals("resume")) {
                    last = null;
                }
            }
            return Optional.ofNullable(last);
        }
    }

    /**
     * One domain according to the journal: the last action sent, whether a create was ever sent
     * for it, and the last outcome (empty while the last intent has none: the request was in flight).
     */
    public record DomainState(String lastAction, boolean createSent, String lastOutcome) {

        static final DomainState NONE = new DomainState("", false, "");

        DomainState withIntent(String action) {
            return new DomainState(action, createSent || action.equals(Action.CREATE.label()), "");
        }

        DomainState withOutcome(String outcome) {
            return new DomainState(lastAction, createSent, outcome);
        }

        public boolean done() {
            return DomainOutcome.isDone(lastOutcome);
        }

        /** A create went out and nothing since says the domain is live: look it up before sending again. */
        public boolean lookUpFirst() {
            return createSent && !done();
        }

        /** A request went out and no outcome line followed it. */
        public boolean inFlight() {
            return !lastAction.isEmpty() && lastOutcome.isEmpty();
        }
    }

    /** Reads a journal; a torn last line is dropped and said so, anything else unreadable is refused. */
    public static Contents read(Path file, Cancellation cancellation) {
        String text = new String(InputFiles.read(file, "journal", MAX_BYTES, cancellation), StandardCharsets.UTF_8);
        List<String> raw = new ArrayList<>(List.of(text.split("\n", -1)));
        boolean torn = false;
        String last = raw.remove(raw.size() - 1); // after the final newline: empty unless the last line was cut
        if (!last.isBlank()) {
            torn = true;
        }
        List<JsonNode> lines = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = Json.mapper().readTree(line);
            } catch (JacksonException e) {
                if (i == raw.size() - 1 && !torn) {
                    torn = true; // a last line written only in part, then a newline from a later append
                    continue;
                }
                throw GctlsException.input("journal " + file + " line " + (i + 1) + " is not JSON ("
                        + e.getOriginalMessage() + "); it is not a gctls rotation journal, or it was edited");
            }
            if (node == null || !node.isObject() || !node.has("v")) {
                throw GctlsException.input("journal " + file + " line " + (i + 1) + " has no journal version ('v');"
                        + " it is not a gctls rotation journal");
            }
            int version = node.path("v").asInt(-1);
            if (version != VERSION) {
                throw GctlsException.input("journal " + file + " line " + (i + 1) + " is journal version "
                        + node.path("v").asString() + "; this gctls reads version " + VERSION
                        + " only (resume it with the gctls that wrote it)");
            }
            lines.add(node);
        }
        if (lines.isEmpty() || !lines.get(0).path("type").asString("").equals("start")) {
            throw GctlsException.input("journal " + file + " does not begin with a start line; it is not a gctls "
                    + "rotation journal" + (torn ? " (or it was cut short before its first line was written)" : ""));
        }
        return new Contents(file, lines.get(0), List.copyOf(lines.subList(1, lines.size())), torn);
    }
}
