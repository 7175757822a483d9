package io.gctls;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.auth.Region;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's contract is docs/ (docs/architecture.md): code, scenarios and scripts cite a docs
 * file and, when they name one, a heading of it, e.g. {@code docs/reliability.md "Tokens"}. A cited
 * file or heading that does not exist, or a citation of the product specification that lives
 * outside the repository, fails here with the place to fix.
 */
class DocsReferencesTest {

    private static final Path PROJECT = Path.of(System.getProperty("gctls.projectDir", "."));
    private static final List<String> SCANNED = List.of("src/main/java", "src/test/java", "features", "scripts",
            "pom.xml", "fixtures/wiremock/mappings");
    /** {@code docs/x.md "Heading"} or {@code docs/x.md, "Heading"}, the heading on the same line. */
    private static final Pattern CITATION = Pattern.compile("docs/([a-z-]+\\.md),? \\\\?\"([^\"\\\\\\n]+)\\\\?\"");
    private static final Pattern FILE = Pattern.compile("(?<![\\w-])docs/([a-z-]+\\.md)");
    private static final List<String> OUTSIDE_CONTRACT = List.of("SPEC \u00a7", "the brief");

    @Test
    void everyCitedDocsFileAndHeadingExists() {
        List<String> broken = new ArrayList<>();
        for (Path file : scannedFiles()) {
            String text = read(file);
            Matcher f = FILE.matcher(text);
            while (f.find()) {
                if (!Files.isRegularFile(PROJECT.resolve("docs").resolve(f.group(1)))) {
                    broken.add(where(file, text, f.start()) + ": no docs/" + f.group(1));
                }
            }
            Matcher c = CITATION.matcher(text);
            while (c.find()) {
                Path doc = PROJECT.resolve("docs").resolve(c.group(1));
                if (Files.isRegularFile(doc) && !headings(doc).contains(c.group(2))) {
                    broken.add(where(file, text, c.start()) + ": docs/" + c.group(1) + " has no heading \""
                            + c.group(2) + "\"");
                }
            }
        }
        assertThat(broken).as("citations of docs/ that point nowhere").isEmpty();
    }

    @Test
    void nothingCitesTheSpecificationOutsideTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path file : scannedFiles()) {
            String text = read(file);
            for (String phrase : OUTSIDE_CONTRACT) {
                int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(phrase.toLowerCase(java.util.Locale.ROOT));
                if (at >= 0) {
                    found.add(where(file, text, at) + ": '" + phrase + "' (cite the docs/ file that states the rule)");
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theReadmeLinksEveryDocsFile() throws IOException {
        String readme = read(PROJECT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            assertThat(docs.map(d -> "docs/" + d.getFileName()).filter(d -> d.endsWith(".md")))
                    .isNotEmpty()
                    .allSatisfy(d -> assertThat(readme).as("README's Documentation section").contains("(" + d + ")"));
        }
    }

    @Test
    void theRegionTableOfConfigurationMdIsTheOneGctlsKnows() {
        String doc = read(PROJECT.resolve("docs/configuration.md"));
        String section = doc.substring(doc.indexOf("## Regions"), doc.indexOf("## Environment"));
        Map<String, String> table = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| `([a-z0-9.-]+)` \\|$").matcher(section);
        while (row.find()) {
            table.put(row.group(1), row.group(2));
        }
        assertThat(table).isEqualTo(Region.all());
    }

    @Test
    void theCheckSeesACitationThatPointsNowhere() {
        Matcher c = CITATION.matcher("// docs/reliability.md \"No such heading\": ...");
        assertThat(c.find()).isTrue();
        assertThat(headings(PROJECT.resolve("docs/reliability.md"))).contains("Tokens")
                .doesNotContain(c.group(2));
    }

    private static Set<String> headings(Path doc) {
        return read(doc).lines().filter(l -> l.startsWith("#")).map(l -> l.replaceFirst("^#+\\s*", "").strip())
                .collect(Collectors.toSet());
    }

    private static List<Path> scannedFiles() {
        List<Path> files = new ArrayList<>();
        for (String root : SCANNED) {
            Path start = PROJECT.resolve(root);
            if (Files.isRegularFile(start)) {
                files.add(start);
            } else if (Files.isDirectory(start)) {
                try (Stream<Path> walk = Files.walk(start)) {
                    walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".pyc"))
                            // this file holds a broken citation and the phrases on purpose
                            .filter(p -> !p.getFileName().toString().equals("DocsReferencesTest.java"))
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assertThat(files).as("files to scan under " + PROJECT.toAbsolutePath()).hasSizeGreaterThan(100);
        return files;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(Path file, String text, int offset) {
        long line = text.substring(0, offset).chars().filter(ch -> ch == '\n').count() + 1;
        return PROJECT.relativize(file) + ":" + line;
    }
}
