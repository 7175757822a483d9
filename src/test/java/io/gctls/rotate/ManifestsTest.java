package io.gctls.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests (CSV, YAML) and bundle folders: what reads, and every kind of bad row, named, with nothing sent. */
class ManifestsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        for (String name : List.of("a/cert.pem", "a/key.pem", "a/chain.pem", "b/cert.pem", "b/key.pem",
                "with,comma/cert.pem")) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), "x");
        }
        Path password = Files.writeString(dir.resolve("a/password.txt"), "secret\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    }

    private Path manifest(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Bundle> read(Path manifest) {
        return Manifests.read(manifest, Cancellation.never());
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
        } catch (GctlsException e) {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT);
            assertThat(e.getMessage()).endsWith("nothing was sent").doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("expected the manifest to be refused");
    }

    @Test
    void aCsvManifestResolvesPathsAgainstItsFolder() throws IOException {
        Path csv = manifest("fleet.csv", "\uFEFFdomain,cert,key,chain,password_file\n"
                + "# comments and blank lines are skipped\n\n"
                + "WWW.Example.com., a/cert.pem , a/key.pem, a/chain.pem, a/password.txt\n"
                + "shop.example.com,b/cert.pem,b/key.pem,,\n"
                + "comma.example.com,\"with,comma/cert.pem\",b/key.pem\n");

        List<Bundle> bundles = read(csv);

        assertThat(bundles).extracting(Bundle::domain)
                .containsExactly("www.example.com", "shop.example.com", "comma.example.com");
        Bundle first = bundles.get(0);
        assertThat(first.cert()).isEqualTo(dir.resolve("a/cert.pem"));
        assertThat(first.chain()).contains(dir.resolve("a/chain.pem"));
        assertThat(first.passwordFile()).contains(dir.resolve("a/password.txt"));
        assertThat(first.origin()).isEqualTo("fleet.csv line 4");
        assertThat(bundles.get(1).chain()).isEmpty();
        assertThat(bundles.get(2).cert()).isEqualTo(dir.resolve("with,comma/cert.pem"));
    }

    @Test
    void aKeystoreRowMayLeaveTheKeyEmptyButAPemRowMayNot() throws IOException {
        Files.writeString(dir.resolve("a/store.p12"), "x");
        Path csv = manifest("fleet.csv", "domain,cert,key,chain,password_file\n"
                + "www.example.com,a/store.p12,,,a/password.txt\n");

        Bundle keystore = read(csv).get(0);
        assertThat(keystore.key()).isEmpty();
        assertThat(keystore.passwordFile()).contains(dir.resolve("a/password.txt"));

        Path pem = manifest("pem.csv", "domain,cert,key\nshop.example.com,b/cert.pem,\n");
        assertThat(refusal(() -> read(pem))).contains("pem.csv line 2: key is empty");
    }

    @Test
    void theOptionalColumnsMayBeLeftOutAndColumnsComeInAnyOrder() throws IOException {
        Path csv = manifest("fleet.csv", "key,domain,cert\na/key.pem,www.example.com,a/cert.pem\n");

        assertThat(read(csv)).singleElement().satisfies(b -> {
            assertThat(b.key()).contains(dir.resolve("a/key.pem"));
            assertThat(b.chain()).isEmpty();
        });
    }

    @Test
    void aHeaderThatIsNotTheManifestHeaderIsRefused() throws IOException {
        assertThat(refusal(() -> read(manifest("h1.csv", "domain,certificate,key\nx.example.com,a,b\n"))))
                .contains("h1.csv line 1 is not the manifest header domain,cert,key,chain,password_file")
                .contains("unexpected 'certificate'").contains("missing cert");
        assertThat(refusal(() -> read(manifest("h2.csv", "domain,cert,key,key\n"))))
                .contains("unexpected 'key' twice");
        assertThat(refusal(() -> read(manifest("h3.csv", "www.example.com,a/cert.pem,a/key.pem\n"))))
                .contains("missing cert, domain, key");
        assertThat(refusal(() -> read(manifest("empty.csv", "")))).contains("empty.csv is empty");
        assertThat(refusal(() -> read(manifest("only.csv", "domain,cert,key\n")))).contains("only.csv lists no domains");
    }

    @Test
    void everyBadRowIsNamedByItsLineAndAllAreReportedAtOnce() throws IOException {
        Path csv = manifest("fleet.csv", "domain,cert,key,chain,password_file\n"
                + "www.example.com,a/cert.pem,a/key.pem\n"
                + ",a/cert.pem,a/key.pem\n"
                + "not a host,a/cert.pem,a/key.pem\n"
                + "WWW.example.com,b/cert.pem,b/key.pem\n"
                + "x.example.com,,a/key.pem\n"
                + "y.example.com,missing.pem,a/key.pem\n"
                + "z.example.com,a,a/key.pem\n"
                + "v.example.com,a/cert.pem,a/key.pem,a/chain.pem,a/password.txt,extra\n");

        String message = refusal(() -> read(csv));

        assertThat(message).startsWith("manifest " + csv + " refused (7 problems): fleet.csv line 3: domain is empty")
                .contains("fleet.csv line 3: domain is empty")
                .contains("fleet.csv line 4: 'not a host' is not a host name")
                .contains("fleet.csv line 5: www.example.com is already at fleet.csv line 2 (each domain once)")
                .contains("fleet.csv line 6: cert is empty")
                .contains("fleet.csv line 7: cert " + dir.resolve("missing.pem") + ": no such file")
                .contains("fleet.csv line 8: cert " + dir.resolve("a") + " is a folder, not a file")
                .contains("fleet.csv line 9 has 6 values; the header names 5 columns");
    }

    @Test
    void aPasswordFileOthersCanReadIsRefusedLikeASecretFile() throws IOException {
        Path shared = Files.writeString(dir.resolve("shared.txt"), "secret\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        Path csv = manifest("fleet.csv", "domain,cert,key,password_file\nwww.example.com,a/cert.pem,a/key.pem,"
                + "shared.txt\n");

        assertThat(refusal(() -> read(csv))).contains("fleet.csv line 2: ").contains("other users can read it")
                .contains("chmod 600");
    }

    @Test
    void csvThatDoesNotParseIsRefusedNearItsLine() throws IOException {
        Path csv = manifest("bad.csv", "domain,cert,key\nwww.example.com,\"a/cert.pem,a/key.pem\n");

        assertThat(refusal(() -> read(csv))).contains("bad.csv is not readable CSV");
    }

    @Test
    void aYamlManifestIsAListOfMaps() throws IOException {
        Path yaml = manifest("fleet.yaml", """
                # the same keys as the CSV header
                - domain: www.example.com
                  cert: a/cert.pem
                  key: a/key.pem
                  chain: a/chain.pem
                  password_file: a/password.txt
                - domain: shop.example.com
                  cert: b/cert.pem
                  key: b/key.pem
                  chain: ~
                """);

        List<Bundle> bundles = read(yaml);

        assertThat(bundles).extracting(Bundle::domain).containsExactly("www.example.com", "shop.example.com");
        assertThat(bundles.get(0).passwordFile()).contains(dir.resolve("a/password.txt"));
        assertThat(bundles.get(1).chain()).isEmpty();
        assertThat(bundles.get(1).origin()).isEqualTo("fleet.yaml entry 2 (line 7)");
    }

    @Test
    void everyBadYamlEntryIsNamed() throws IOException {
        Path yaml = manifest("fleet.yml", """
                - domain: www.example.com
                  cert: a/cert.pem
                  key: a/key.pem
                - just a string
                - domain: shop.example.com
                  certificate: b/cert.pem
                  key: b/key.pem
                - domain: [a, b]
                  cert: b/cert.pem
                  key: b/key.pem
                - domain: www.example.com
                  cert: b/cert.pem
                  key: b/missing.pem
                """);

        String message = refusal(() -> read(yaml));

        assertThat(message).contains("fleet.yml entry 2 (line 4) is not a map")
                .contains("fleet.yml entry 3 (line 5) has unexpected keys 'certificate'")
                .contains("fleet.yml entry 4 (line 8): domain must be a single value")
                .contains("fleet.yml entry 5 (line 11): www.example.com is already at fleet.yml entry 1 (line 1)")
                .contains("fleet.yml entry 5 (line 11): key " + dir.resolve("b/missing.pem") + ": no such file");
        assertThat(refusal(() -> read(manifest("map.yaml", "domain: www.example.com\n"))))
                .contains("must be a YAML list of maps");
        assertThat(refusal(() -> read(manifest("broken.yaml", "- domain: [unclosed\n"))))
                .contains("broken.yaml is not readable YAML");
    }

    @Test
    void aManifestThatIsMissingIsRefusedNamingIt() {
        assertThatThrownBy(() -> read(dir.resolve("nope.csv"))).isInstanceOfSatisfying(GctlsException.class,
                e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT);
                    assertThat(e.getMessage()).contains("nope.csv");
                });
    }

    @Test
    void aFolderOfDomainFoldersReadsInNameOrderWithOptionalChainAndPassword() throws IOException {
        Path fleet = dir.resolve("fleet");
        for (String domain : List.of("shop.example.com", "www.example.com")) {
            Files.createDirectories(fleet.resolve(domain));
            Files.writeString(fleet.resolve(domain).resolve("cert.pem"), "x");
            Files.writeString(fleet.resolve(domain).resolve("key.pem"), "x");
        }
        Files.writeString(fleet.resolve("www.example.com/chain.pem"), "x");
        Files.writeString(fleet.resolve("README"), "a file beside the folders is not a domain");
        Files.createDirectories(fleet.resolve(".git"));

        List<Bundle> bundles = Manifests.readDir(fleet);

        assertThat(bundles).extracting(Bundle::domain).containsExactly("shop.example.com", "www.example.com");
        assertThat(bundles.get(0).chain()).isEmpty();
        assertThat(bundles.get(1).chain()).contains(fleet.resolve("www.example.com/chain.pem"));
        assertThat(bundles.get(1).origin()).isEqualTo("folder " + fleet.resolve("www.example.com"));
    }

    @Test
    void everyBadFolderIsNamed() throws IOException {
        Path fleet = dir.resolve("fleet");
        Files.createDirectories(fleet.resolve("no-key.example.com"));
        Files.writeString(fleet.resolve("no-key.example.com/cert.pem"), "x");
        Files.createDirectories(fleet.resolve("not a host"));
        Files.createDirectories(fleet.resolve("Dup.example.com"));
        Files.createDirectories(fleet.resolve("dup.example.com"));
        for (String d : List.of("not a host", "Dup.example.com", "dup.example.com")) {
            Files.writeString(fleet.resolve(d).resolve("cert.pem"), "x");
            Files.writeString(fleet.resolve(d).resolve("key.pem"), "x");
        }

        String message = refusal(() -> Manifests.readDir(fleet));

        assertThat(message).contains("folder " + fleet.resolve("no-key.example.com") + ": key "
                        + fleet.resolve("no-key.example.com/key.pem") + ": no such file")
                .contains("folder " + fleet.resolve("not a host") + ": 'not a host' is not a host name")
                .contains("folder " + fleet.resolve("dup.example.com") + ": dup.example.com is already at folder "
                        + fleet.resolve("Dup.example.com"));
        Files.createDirectories(dir.resolve("empty"));
        assertThat(refusal(() -> Manifests.readDir(dir.resolve("empty")))).contains("it holds no domain folders");
        assertThat(refusal(() -> Manifests.readDir(dir.resolve("absent")))).contains("no such folder");
    }

    @Test
    void manyProblemsAreCutShortInTheOneLine() throws IOException {
        StringBuilder csv = new StringBuilder("domain,cert,key\n");
        for (int i = 0; i < 20; i++) {
            csv.append("d").append(i).append(".example.com,missing.pem,a/key.pem\n");
        }

        Path many = manifest("many.csv", csv.toString());

        assertThat(refusal(() -> read(many))).contains("(20 problems)").contains("; and 12 more; nothing was sent");
    }
}
