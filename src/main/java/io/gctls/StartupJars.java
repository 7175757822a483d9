package io.gctls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Run once by {@code scripts/gctls} after it extracts the jar Maven built (which stays untouched):
 * merges the application and its libraries into one jar, in class-path order, for one-shot start-up.
 *
 * <p>Why one jar: every process that parses a certificate makes the JDK look for a
 * {@code System.LoggerFinder} service on the whole class path (its security event logging), which
 * opens every jar there; across 64 jars that took about 60 ms of a one-shot {@code cert inspect}.
 * Why no signatures and no per-entry manifest sections: the JDK keeps classes of signed jars out of
 * the start-up archive, and Bouncy Castle's manifests (1.1 MB of per-class digests) were parsed on
 * every run. OpenJDK does not require JCE providers to be signed.
 *
 * <p>What merging keeps: the first copy of a duplicated entry (class-path order, as the JVM would
 * load it); service files ({@code META-INF/services/*}) and Netty's version files concatenated, so
 * that every provider is still found; versioned classes under {@code META-INF/versions/} (the merged
 * jar is multi-release, as Bouncy Castle, Jackson, Netty and Vert.x are). It drops signatures and
 * {@code module-info.class} (unused on a class path).
 */
public final class StartupJars {

    private StartupJars() {
    }

    /**
     * {@code merge OUT.jar APP.jar}: APP.jar (the extracted application jar) and the libraries its
     * manifest's {@code Class-Path} names, in that order, into OUT.jar, with APP.jar's {@code Main-Class}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !args[0].equals("merge")) {
            System.err.println("usage: StartupJars merge OUT.jar APP.jar");
            System.exit(2);
        }
        Path app = Path.of(args[2]).toAbsolutePath();
        Manifest manifest;
        try (JarFile jar = new JarFile(app.toFile())) {
            manifest = jar.getManifest();
        }
        Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
        List<Path> inputs = new ArrayList<>();
        inputs.add(app);
        String classPath = attributes.getValue(Attributes.Name.CLASS_PATH);
        if (classPath != null) {
            for (String entry : classPath.trim().split("\\s+")) {
                inputs.add(app.resolveSibling(entry));
            }
        }
        merge(Path.of(args[1]), attributes.getValue(Attributes.Name.MAIN_CLASS), inputs);
    }

    static void merge(Path out, String mainClass, List<Path> jars) throws IOException {
        Map<String, byte[]> concatenated = new LinkedHashMap<>();
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            java.util.Set<String> written = new java.util.HashSet<>();
            java.util.Set<String> ownPackages = new java.util.TreeSet<>();
            for (Path jar : jars) {
                try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
                    for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                        String name = entry.getName();
                        if (dropped(name)) {
                            continue;
                        }
                        if (concatenates(name)) {
                            byte[] content = in.readAllBytes();
                            concatenated.merge(name, content, StartupJars::joinLines);
                            continue;
                        }
                        if (!written.add(name)) {
                            continue; // a later copy of an entry: the JVM would never have loaded it
                        }
                        if (name.startsWith("io/gctls/") && name.endsWith(".class")) {
                            ownPackages.add(name.substring(0, name.lastIndexOf('/') + 1));
                        }
                        ZipEntry copy = new ZipEntry(name);
                        copy.setTime(entry.getTime());
                        zip.putNextEntry(copy);
                        in.transferTo(zip);
                        zip.closeEntry();
                    }
                }
            }
            for (Map.Entry<String, byte[]> file : concatenated.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            // last: the JDK finds it through the central directory wherever it is
            zip.putNextEntry(new ZipEntry(JarFile.MANIFEST_NAME));
            zip.write(manifest(mainClass, ownPackages));
            zip.closeEntry();
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
    }

    static boolean dropped(String name) {
        if (name.endsWith("/")) {
            return false; // folders stay: class loaders look packages up by them
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals(JarFile.MANIFEST_NAME) || upper.equals("META-INF/INDEX.LIST")) {
            return true;
        }
        if (name.equals("module-info.class") || name.startsWith("META-INF/versions/") && name.endsWith(
                "/module-info.class")) {
            return true;
        }
        boolean topOfMetaInf = upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0;
        return topOfMetaInf && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA")
                || upper.endsWith(".EC"));
    }

    static boolean concatenates(String name) {
        return name.startsWith("META-INF/services/") && !name.endsWith("/")
                || name.equals("META-INF/io.netty.versions.properties");
    }

    private static byte[] joinLines(byte[] first, byte[] second) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream(first.length + second.length + 1);
        joined.writeBytes(first);
        if (first.length > 0 && first[first.length - 1] != '\n') {
            joined.write('\n');
        }
        joined.writeBytes(second);
        return joined.toByteArray();
    }

    /**
     * Main-Class and Multi-Release for the whole jar; gctls's version on gctls's own packages only,
     * so that no library reports gctls's version as its own.
     */
    private static byte[] manifest(String mainClass, java.util.Set<String> ownPackages) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            main.put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        main.put(Attributes.Name.MULTI_RELEASE, "true");
        String version = StartupJars.class.getPackage().getImplementationVersion();
        if (version != null) {
            for (String pkg : ownPackages) {
                Attributes own = new Attributes();
                own.put(Attributes.Name.IMPLEMENTATION_TITLE, "gctls");
                own.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
                manifest.getEntries().put(pkg, own);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        manifest.write(bytes);
        return bytes.toByteArray();
    }
}
