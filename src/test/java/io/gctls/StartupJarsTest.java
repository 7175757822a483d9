package io.gctls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one jar the launcher runs is the class path it replaces: same classes, same services, no signatures. */
class StartupJarsTest {

    @TempDir
    Path dir;

    @Test
    void mergesInClassPathOrderKeepingEveryServiceAndDroppingSignatures() throws IOException {
        Path app = jar("gctls.jar", Map.of(
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: io.gctls.GctlsApplication\r\n"
                        + "Class-Path: lib/bcprov.jar lib/other.jar\r\n\r\n",
                "io/gctls/GctlsApplication.class", "app main",
                "io/gctls/shell/Components.class", "composition root",
                "META-INF/services/ch.qos.logback.classic.spi.Configurator", "io.gctls.core.LogbackSetup\n"));
        Files.createDirectories(dir.resolve("lib"));
        Path bc = jar("lib/bcprov.jar", Map.of(
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMulti-Release: true\r\n\r\n"
                        + "Name: org/bouncycastle/A.class\r\nSHA-256-Digest: abc=\r\n\r\n",
                "META-INF/BC1024KE.SF", "signature file",
                "META-INF/BC1024KE.DSA", "signature block",
                "META-INF/services/java.security.Provider", "org.bouncycastle.jce.provider.BouncyCastleProvider",
                "META-INF/versions/11/org/bouncycastle/A.class", "java 11 A",
                "META-INF/versions/9/module-info.class", "module",
                "org/bouncycastle/A.class", "A"));
        Path other = jar("lib/other.jar", Map.of(
                "META-INF/services/java.security.Provider", "com.example.OtherProvider\n",
                "META-INF/io.netty.versions.properties", "netty-common.version=4.2\n",
                "org/bouncycastle/A.class", "a shadowed copy",
                "module-info.class", "module"));

        Path merged = dir.resolve("gctls-all.jar");
        StartupJars.main(new String[] {"merge", merged.toString(), app.toString()});

        try (JarFile jar = new JarFile(merged.toFile(), true, JarFile.OPEN_READ, Runtime.version())) {
            List<String> names = new ArrayList<>();
            Collections.list(jar.entries()).forEach(e -> names.add(e.getName()));
            assertThat(names).doesNotContain("META-INF/BC1024KE.SF", "META-INF/BC1024KE.DSA", "module-info.class",
                    "META-INF/versions/9/module-info.class");
            assertThat(names.stream().filter(n -> n.equals("org/bouncycastle/A.class"))).hasSize(1);
            assertThat(text(jar, "org/bouncycastle/A.class")).as("the first copy, and its Java 11 version")
                    .isEqualTo("java 11 A");
            assertThat(text(jar, "META-INF/services/java.security.Provider").lines())
                    .containsExactly("org.bouncycastle.jce.provider.BouncyCastleProvider", "com.example.OtherProvider");
            assertThat(text(jar, "META-INF/services/ch.qos.logback.classic.spi.Configurator"))
                    .isEqualTo("io.gctls.core.LogbackSetup\n");
            assertThat(text(jar, "META-INF/io.netty.versions.properties")).isEqualTo("netty-common.version=4.2\n");

            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("io.gctls.GctlsApplication");
            assertThat(main.getValue(Attributes.Name.MULTI_RELEASE)).isEqualTo("true");
            assertThat(jar.getManifest().getEntries()).doesNotContainKey("org/bouncycastle/A.class");
        }
        assertThat(Files.exists(dir.resolve("gctls-all.jar.part"))).isFalse();
    }

    private static String text(JarFile jar, String name) throws IOException {
        return new String(jar.getInputStream(jar.getJarEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
