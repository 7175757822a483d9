package io.gctls.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    private final Token token = new Token("tok-abcdefgh", "bearer", NOW, NOW.plusSeconds(600), "login");

    @Test
    void oneFilePerLoginUrlAndClient() {
        TokenCache cache = new TokenCache(dir);
        cache.store("https://login.a", "c1", token);
        assertThat(cache.load("https://login.a", "c1", NOW)).isPresent();
        assertThat(cache.load("https://login.a", "c2", NOW)).isEmpty();
        assertThat(cache.load("https://login.b", "c1", NOW)).isEmpty();
        assertThat(cache.fileFor("https://login.a", "c1")).isNotEqualTo(cache.fileFor("https://login.b", "c1"));
    }

    @Test
    void theFolderIsPrivate() throws Exception {
        new TokenCache(dir).store("https://login.a", "c1", token);
        assertThat(Files.getPosixFilePermissions(dir.resolve("tokens")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void anExpiredTokenIsNotServed() {
        TokenCache cache = new TokenCache(dir);
        cache.store("https://login.a", "c1", token);
        assertThat(cache.load("https://login.a", "c1", NOW.plusSeconds(600))).isEmpty();
    }

    @Test
    void aFileOthersCanReadIsIgnoredAndRemoved() throws Exception {
        TokenCache cache = new TokenCache(dir);
        cache.store("https://login.a", "c1", token);
        Path file = cache.fileFor("https://login.a", "c1");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(cache.load("https://login.a", "c1", NOW)).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void aCorruptFileIsIgnored() throws Exception {
        TokenCache cache = new TokenCache(dir);
        cache.store("https://login.a", "c1", token);
        Files.writeString(cache.fileFor("https://login.a", "c1"), "{not json");
        assertThat(cache.load("https://login.a", "c1", NOW)).isEmpty();
    }

    private final java.util.List<String> warnings = new java.util.ArrayList<>();

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void theCacheFoldersAreCreatedForTheUserAlone() throws Exception {
        Path root = dir.resolve("cache/gctls");
        new TokenCache(root, warnings::add).store("https://login.a", "c1", token);
        assertThat(mode(root)).isEqualTo("rwx------");
        assertThat(mode(root.resolve("tokens"))).isEqualTo("rwx------");
        assertThat(mode(new TokenCache(root).fileFor("https://login.a", "c1"))).isEqualTo("rw-------");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aTokensFolderOpenToOthersIsMadePrivateAndSaidSo() throws Exception {
        new TokenCache(dir).store("https://login.a", "c1", token);
        Files.setPosixFilePermissions(dir.resolve("tokens"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        TokenCache cache = new TokenCache(dir, warnings::add);
        assertThat(cache.load("https://login.a", "c1", NOW)).isPresent();
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("tokens"))).isEqualTo("rwx------");
        assertThat(warnings).singleElement().asString().contains("was open to others (rwxr-xr-x)")
                .contains("tokens was open to others (rwxrwxrwx); made it private (rwx------)");
    }

    @Test
    void aTokensFolderThatIsALinkIsNotUsedAndNothingIsWrittenThrough(@TempDir Path elsewhere) throws Exception {
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.createSymbolicLink(dir.resolve("tokens"), elsewhere);
        TokenCache cache = new TokenCache(dir, warnings::add);
        cache.store("https://login.a", "c1", token);
        assertThat(cache.load("https://login.a", "c1", NOW)).isEmpty();
        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
        assertThat(warnings).singleElement().asString().contains("is a symbolic link").contains("not using it");
    }

    @Test
    void aTokensFolderThatIsSomeoneElsesIsNotUsed() throws Exception {
        Path tokens = Files.createDirectory(dir.resolve("tokens"));
        var nobody = tokens.getFileSystem().getUserPrincipalLookupService();
        try {
            Files.setOwner(tokens, nobody.lookupPrincipalByName("nobody"));
        } catch (java.io.IOException | UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.abort("cannot give a folder to another user here (not root)");
        }
        TokenCache cache = new TokenCache(dir, warnings::add);
        cache.store("https://login.a", "c1", token);
        assertThat(cache.load("https://login.a", "c1", NOW)).isEmpty();
        assertThat(warnings).singleElement().asString().contains("belongs to nobody");
    }
}
