package io.gctls.shell;

import io.gctls.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Tab offers for values only the API knows: the custom domains (ids and names) and the hosts
 * a list, a deploy, a rotation or a probe has seen. Tab never waits on the network; it reads this.
 * It is also kept in a small file ({@code $XDG_CACHE_HOME/gctls/completion.json}, 0600, the newest
 * {@value #KEEP} entries) so that a prompt opened after one-shot runs knows what they saw. Ids and
 * names only: nothing secret is ever in it.
 */
public final class CompletionCache {

    static final int KEEP = 500;
    static final String FILE = "completion.json";
    private static final long LARGEST_FILE = 256 * 1024;
    private static final Map<Path, CompletionCache> BY_FOLDER = new ConcurrentHashMap<>();

    /** A domain as Tab offers it; {@code id} is empty for a host that is not a deployed domain. */
    public record Entry(String id, String name) {
    }

    private record Stored(List<Entry> entries) {
    }

    private final Path file;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private FileTime loaded;

    private CompletionCache(Path file) {
        this.file = file;
    }

    /** The cache kept in {@code folder}: one per folder in a process, shared by commands and the prompt. */
    public static CompletionCache in(Path folder) {
        return BY_FOLDER.computeIfAbsent(folder.toAbsolutePath(), f -> new CompletionCache(f.resolve(FILE)));
    }

    public void rememberDomain(String id, String name) {
        if (id != null && !id.isEmpty() && name != null && !name.isEmpty()) {
            remember(List.of(new Entry(id, name)));
        }
    }

    public void rememberHost(String host) {
        if (host != null && !host.isEmpty()) {
            remember(List.of(new Entry("", host)));
        }
    }

    public synchronized void remember(List<Entry> seen) {
        refresh();
        for (Entry entry : seen) {
            String key = entry.id().isEmpty() ? "host:" + entry.name() : entry.id();
            entries.remove(key); // the newest sighting goes last
            if (!entry.id().isEmpty()) {
                entries.remove("host:" + entry.name());
            }
            entries.put(key, entry);
        }
        while (entries.size() > KEEP) {
            entries.remove(entries.keySet().iterator().next());
        }
        save();
    }

    /** Forgets everything seen, here and in the file (a new test scenario; a user clearing up). */
    public synchronized void clear() {
        entries.clear();
        loaded = null;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an undeletable file is read again on the next use: suggestions, not state
        }
    }

    /** Deployed domain ids, newest first. */
    public synchronized List<String> ids() {
        refresh();
        return newestFirst().stream().map(Entry::id).filter(id -> !id.isEmpty()).distinct().toList();
    }

    /** Deployed domain names, newest first. */
    public synchronized List<String> names() {
        refresh();
        return newestFirst().stream().filter(e -> !e.id().isEmpty()).map(Entry::name).distinct().toList();
    }

    /** Names to probe: deployed domains and hosts probed before, newest first. */
    public synchronized List<String> hosts() {
        refresh();
        return newestFirst().stream().map(Entry::name).distinct().toList();
    }

    private List<Entry> newestFirst() {
        List<Entry> all = new ArrayList<>(entries.values());
        java.util.Collections.reverse(all);
        return all;
    }

    /** Reads the file when another run changed it; a missing or damaged file is an empty cache. */
    private void refresh() {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > LARGEST_FILE) {
                return;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(loaded)) {
                return;
            }
            Stored stored = Json.mapper().readValue(Files.readString(file, StandardCharsets.UTF_8), Stored.class);
            LinkedHashMap<String, Entry> merged = new LinkedHashMap<>();
            if (stored.entries() != null) {
                for (Entry e : stored.entries()) {
                    if (e != null && e.name() != null) {
                        Entry clean = new Entry(e.id() == null ? "" : e.id(), e.name());
                        merged.put(clean.id().isEmpty() ? "host:" + clean.name() : clean.id(), clean);
                    }
                }
            }
            merged.putAll(entries); // what this process saw is newer
            entries.clear();
            entries.putAll(merged);
            loaded = modified;
        } catch (IOException | RuntimeException e) {
            // completion is a convenience: a bad file only means fewer suggestions
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".completion", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(temp, Json.compact(new Stored(List.copyOf(entries.values()))),
                        StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                loaded = Files.getLastModifiedTime(file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // a read-only cache folder: suggestions last for this process only
        }
    }
}
