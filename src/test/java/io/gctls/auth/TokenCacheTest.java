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
}
