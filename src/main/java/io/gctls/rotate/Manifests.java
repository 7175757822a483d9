package io.gctls.rotate;

import io.gctls.core.Cancellation;
import io.gctls.core.GctlsException;
import io.gctls.core.InputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What a rotation rotates: a manifest (CSV with the header {@code domain,cert,key,chain,password_file},
 * or YAML, a list of maps with the same keys; paths relative to the manifest's folder) or a folder
 * of folders ({@code D/<domain>/cert.pem}, {@code key.pem}, optional {@code chain.pem} and
 * {@code password.txt}). Every problem is found before anything is sent and reported at once, in
 * one line naming each row or folder: a missing column or value, a name that is not a host name,
 * a duplicate domain, a file that is missing, not a file, or (a password file) readable by others.
 * A row whose {@code cert} is a PKCS#12 or Java keystore ({@code .p12}, {@code .pfx}, {@code .jks})
 * may leave {@code key} empty: the key is in the keystore, opened with {@code password_file}.
 */
public final class Manifests {

    /** A manifest of thousands of rows is a few hundred kilobytes; this is far above any real one. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    static final List<String> COLUMNS = List.of("domain", "cert", "key", "chain", "password_file");
    private static final Set<String> REQUIRED = Set.of("domain", "cert", "key");
    private static final int PROBLEMS_SHOWN = 8;
    /** YAML's spellings of null, which Jackson's YAML parser hands over as text in a plain scalar. */
    private static final Set<String> YAML_NULLS = Set.of("~", "null", "Null", "NULL");

    private Manifests() {
    }

    /** Reads a CSV or YAML manifest (by its extension, else by its first character). */
    public static List<Bundle> read(Path manifest, Cancellation cancellation) {
        byte[] bytes = InputFiles.read(manifest, "--manifest", MAX_BYTES, cancellation);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Problems problems = new Problems("manifest " + manifest);
        Path base = Optional.ofNullable(manifest.toAbsolutePath().getParent()).orElse(Path.of("."));
        String name = manifest.getFileName() == null ? manifest.toString() : manifest.getFileName().toString();
        List<Row> rows = isYaml(name, text) ? yamlRows(text, name, problems) : csvRows(text, name, problems);
        List<Bundle> bundles = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Row row : rows) {
            bundle(row, base, problems, seen).ifPresent(bundles::add);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(name + " lists no domains");
        }
        problems.throwIfAny();
        return bundles;
    }

    /** Reads a folder of {@code <domain>/cert.pem, key.pem[, chain.pem][, password.txt]} folders, in name order. */
    public static List<Bundle> readDir(Path dir) {
        Problems problems = new Problems("--dir " + dir);
        if (!Files.isDirectory(dir)) {
            throw GctlsException.input("--dir " + dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder")
                    + "; nothing was sent");
        }
        TreeMap<String, Path> folders = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && Files.isDirectory(entry)) {
                    folders.put(name, entry);
                }
            }
        } catch (IOException e) {
            throw GctlsException.input("--dir " + dir + ": cannot list it (" + e.getMessage() + "); nothing was sent");
        }
        List<Bundle> bundles = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            Path path = folder.getValue();
            String origin = "folder " + path;
            Map<String, String> values = new LinkedHashMap<>();
            values.put("domain", folder.getKey());
            values.put("cert", "cert.pem");
            values.put("key", "key.pem");
            if (Files.exists(path.resolve("chain.pem"), LinkOption.NOFOLLOW_LINKS)) {
                values.put("chain", "chain.pem");
            }
            if (Files.exists(path.resolve("password.txt"), LinkOption.NOFOLLOW_LINKS)) {
                values.put("password_file", "password.txt");
            }
            bundle(new Row(origin, values), path, problems, seen).ifPresent(bundles::add);
        }
        if (folders.isEmpty()) {
            problems.add("it holds no domain folders (expected " + dir + "/<domain>/cert.pem and key.pem)");
        }
        problems.throwIfAny();
        return bundles;
    }

    /** One row or folder: where it is, its values by column, or what is wrong with its shape. */
    private record Row(String origin, Map<String, String> values, Optional<String> unreadable) {

        Row(String origin, Map<String, String> values) {
            this(origin, values, Optional.empty());
        }
    }

    private static boolean isYaml(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return true;
        }
        if (lower.endsWith(".csv")) {
            return false;
        }
        String start = text.stripLeading();
        return start.startsWith("-") || start.startsWith("[");
    }

    private static List<Row> csvRows(String text, String name, Problems problems) {
        CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY)
                .enable(CsvReadFeature.TRIM_SPACES).enable(CsvReadFeature.SKIP_EMPTY_LINES)
                .enable(CsvReadFeature.ALLOW_COMMENTS).build();
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        long line = 0;
        try (MappingIterator<String[]> values = mapper.readerFor(String[].class).readValues(text)) {
            while (values.hasNextValue()) {
                line = values.currentLocation().getLineNr();
                String[] cells = values.nextValue();
                if (header == null) {
                    header = header(cells, name, problems);
                    if (header == null) {
                        return List.of();
                    }
                    continue;
                }
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                String origin = name + " line " + line;
                if (cells.length > header.size()) {
                    rows.add(new Row(origin, Map.of(), Optional.of(origin + " has " + cells.length
                            + " values; the header names " + header.size()
                            + " columns (a comma in a path needs \"quotes\")")));
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    row.put(header.get(i), cells[i]);
                }
                rows.add(new Row(origin, row));
            }
        } catch (JacksonException e) {
            problems.add(name + " is not readable CSV near line " + Math.max(line, 1) + ": " + e.getOriginalMessage());
            return List.of();
        }
        if (header == null) {
            problems.add(name + " is empty; expected the header " + String.join(",", COLUMNS));
        }
        return rows;
    }

    /** The header's columns, or null (with the problem noted) when it is not the manifest header. */
    private static List<String> header(String[] cells, String name, Problems problems) {
        List<String> columns = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String cell : cells) {
            String column = cell.strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column) || columns.contains(column)) {
                wrong.add(cell.isBlank() ? "an empty column" : "'" + cell.strip() + "'"
                        + (columns.contains(column) ? " twice" : ""));
            }
            columns.add(column);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).sorted().toList();
        if (!wrong.isEmpty() || !missing.isEmpty()) {
            problems.add(name + " line 1 is not the manifest header " + String.join(",", COLUMNS) + ": "
                    + (wrong.isEmpty() ? "" : "unexpected " + String.join(", ", wrong))
                    + (!wrong.isEmpty() && !missing.isEmpty() ? "; " : "")
                    + (missing.isEmpty() ? "" : "missing " + String.join(", ", missing)));
            return null;
        }
        return columns;
    }

    private static List<Row> yamlRows(String text, String name, Problems problems) {
        // each entry is read as a tree while the parser stays inside the list
        YAMLMapper mapper = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        List<Row> rows = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(name + " is empty; expected a list of maps with the keys " + String.join(", ", COLUMNS));
                return List.of();
            }
            if (first != JsonToken.START_ARRAY) {
                problems.add(name + " must be a YAML list of maps (- domain: ...), not a "
                        + (first == JsonToken.START_OBJECT ? "map" : "single value"));
                return List.of();
            }
            int entry = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null;
                    token = parser.nextToken()) {
                entry++;
                String origin = name + " entry " + entry + " (line " + parser.currentLocation().getLineNr() + ")";
                JsonNode node = mapper.readTree(parser);
                if (node == null || !node.isObject()) {
                    problems.add(origin + " is not a map of " + String.join(", ", COLUMNS));
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                List<String> unknown = new ArrayList<>();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    String key = field.getKey().strip().toLowerCase(Locale.ROOT);
                    JsonNode value = field.getValue();
                    if (!COLUMNS.contains(key)) {
                        unknown.add("'" + field.getKey() + "'");
                    } else if (value.isContainer()) {
                        problems.add(origin + ": " + key + " must be a single value");
                    } else if (!value.isNull() && !YAML_NULLS.contains(value.asString())) {
                        row.put(key, value.asString());
                    }
                }
                if (!unknown.isEmpty()) {
                    problems.add(origin + " has unexpected keys " + String.join(", ", unknown) + " (expected "
                            + String.join(", ", COLUMNS) + ")");
                    continue;
                }
                rows.add(new Row(origin, row));
            }
        } catch (JacksonException e) {
            problems.add(name + " is not readable YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            return List.of();
        }
        return rows;
    }

    private static Optional<Bundle> bundle(Row row, Path base, Problems problems, Map<String, String> seen) {
        if (row.unreadable().isPresent()) {
            problems.add(row.unreadable().get());
            return Optional.empty();
        }
        int before = problems.count();
        String rawDomain = row.values().getOrDefault("domain", "");
        Optional<String> domain = DomainNames.normalise(rawDomain);
        if (rawDomain.isBlank()) {
            problems.add(row.origin() + ": domain is empty");
        } else if (domain.isEmpty()) {
            problems.add(row.origin() + ": '" + rawDomain.strip() + "' is not a host name");
        } else if (seen.containsKey(domain.get())) {
            problems.add(row.origin() + ": " + domain.get() + " is already at " + seen.get(domain.get())
                    + " (each domain once)");
        } else {
            seen.put(domain.get(), row.origin());
        }
        Optional<Path> cert = file(row, "cert", base, true, problems);
        Optional<Path> key = file(row, "key", base, !cert.map(Manifests::isKeystore).orElse(false), problems);
        Optional<Path> chain = file(row, "chain", base, false, problems);
        Optional<Path> password = file(row, "password_file", base, false, problems);
        password.ifPresent(p -> {
            try {
                InputFiles.refuseIfShared(p, "password_file");
            } catch (GctlsException e) {
                problems.add(row.origin() + ": " + e.getMessage());
            }
        });
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new Bundle(domain.orElseThrow(), cert.orElseThrow(), key, chain, password,
                row.origin()));
    }

    /** A keystore by its name, as cert inspect's --cert takes them: the key comes out of it. */
    private static boolean isKeystore(Path cert) {
        String name = String.valueOf(cert.getFileName()).toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks");
    }

    private static Optional<Path> file(Row row, String column, Path base, boolean required, Problems problems) {
        String value = row.values().getOrDefault(column, "").strip();
        if (value.isEmpty()) {
            if (required) {
                problems.add(row.origin() + ": " + column + " is empty");
            }
            return Optional.empty();
        }
        Path path = base.resolve(value).normalize();
        if (!Files.exists(path)) {
            problems.add(row.origin() + ": " + column + " " + path + ": no such file");
        } else if (Files.isDirectory(path)) {
            problems.add(row.origin() + ": " + column + " " + path + " is a folder, not a file");
        } else if (!Files.isReadable(path)) {
            problems.add(row.origin() + ": " + column + " " + path + " cannot be read (permission denied)");
        } else {
            return Optional.of(path);
        }
        return Optional.empty();
    }

    /** The problems found so far, thrown as one exit-3 line naming each row. */
    private static final class Problems {
        private final String what;
        private final List<String> found = new ArrayList<>();

        Problems(String what) {
            this.what = what;
        }

        void add(String problem) {
            found.add(problem);
        }

        int count() {
            return found.size();
        }

        boolean isEmpty() {
            return found.isEmpty();
        }

        void throwIfAny() {
            if (found.isEmpty()) {
                return;
            }
            List<String> shown = found.subList(0, Math.min(PROBLEMS_SHOWN, found.size()));
            String more = found.size() > shown.size() ? "; and " + (found.size() - shown.size()) + " more" : "";
            throw GctlsException.input(what + " refused (" + found.size() + " problem" + (found.size() == 1 ? "" : "s")
                    + "): " + String.join("; ", shown) + more + "; nothing was sent");
        }
    }
}
