package io.gctls.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code sandbox seed N [--expiring K]}: deploys N test domains ({@code fleet-001.example.com}, ...)
 * with certificates from a fresh {@link SeedPki}, K of them within days of expiry, and writes a
 * matching folder of new bundles ({@code <out>/<domain>/cert.pem, key.pem, chain.pem}) plus the
 * root as {@code <out>/ca.pem}, so that {@code domains status} and {@code rotate} have a fleet to
 * work on at once. The TLS front serves the seeded domains like any deployed one.
 */
final class Seeder {

    static final int MAX_DOMAINS = 10_000;
    static final String SUFFIX = ".example.com";
    /** Deployed certificates of expiring domains end this many days from now; the others after {@link #FRESH}. */
    static final Duration EXPIRING = Duration.ofDays(10);
    static final Duration FRESH = Duration.ofDays(180);
    /** The new bundles are valid for this long. */
    static final Duration NEW = Duration.ofDays(90);
    private static final Pattern SEEDED = Pattern.compile("fleet-(\\d+)" + Pattern.quote(SUFFIX));

    private final Sandbox sandbox;
    private final Clock clock;

    Seeder(Sandbox sandbox, Clock clock) {
        this.sandbox = sandbox;
        this.clock = clock;
    }

    SeedResult seed(int count, int expiring, Path out) {
        if (count < 1 || count > MAX_DOMAINS) {
            throw new IllegalArgumentException("seed needs 1 to " + MAX_DOMAINS + " domains, not " + count);
        }
        if (expiring < 0 || expiring > count) {
            throw new IllegalArgumentException("--expiring must be 0 to " + count + ", not " + expiring);
        }
        prepare(out);
        Instant now = clock.instant();
        SeedPki pki = new SeedPki(now, "gctls sandbox seed");
        int first = nextNumber();
        int width = Math.max(3, String.valueOf(first + count - 1).length());
        List<String> domains = new ArrayList<>();
        List<String> soon = new ArrayList<>();
        String chain = pki.intermediate.certificatePem();
        for (int i = 0; i < count; i++) {
            String domain = "fleet-" + String.format("%0" + width + "d", first + i) + SUFFIX;
            boolean expires = i < expiring;
            SeedPki.Issued deployed = pki.leaf(domain, now.minus(Duration.ofDays(30)),
                    now.plus(expires ? EXPIRING : FRESH));
            sandbox.putDomain(domain, deployed.certificatePem(), deployed.keyPem(), chain);
            SeedPki.Issued renewed = pki.leaf(domain, now.minus(Duration.ofHours(1)), now.plus(NEW));
            write(out.resolve(domain), renewed, chain);
            domains.add(domain);
            if (expires) {
                soon.add(domain);
            }
        }
        Path trust = out.resolve("ca.pem");
        writeFile(trust, pki.root.certificatePem(), false);
        return new SeedResult(List.copyOf(domains), List.copyOf(soon), out, trust);
    }

    /** The next free number after the seeded domains already deployed, so that seeding twice adds more. */
    private int nextNumber() {
        int highest = 0;
        for (CustomDomain domain : sandbox.domains()) {
            Matcher matcher = SEEDED.matcher(domain.domain());
            if (matcher.matches() && matcher.group(1).length() < 9) {
                highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
            }
        }
        return highest + 1;
    }

    private static void prepare(Path out) {
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("the folder " + parent + " (for " + out + ") does not exist");
        }
        try {
            if (Files.exists(out)) {
                if (!Files.isDirectory(out)) {
                    throw new IllegalArgumentException(out + " exists and is not a folder");
                }
                try (Stream<Path> entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(out + " is not empty; seed writes into a new or empty"
                                + " folder");
                    }
                }
            } else {
                Files.createDirectory(out, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create " + out + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path folder, SeedPki.Issued leaf, String chain) {
        try {
            Files.createDirectory(folder);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        writeFile(folder.resolve("cert.pem"), leaf.certificatePem(), false);
        writeFile(folder.resolve("chain.pem"), chain, false);
        writeFile(folder.resolve("key.pem"), leaf.keyPem(), true);
    }

    private static void writeFile(Path file, String text, boolean secret) {
        try {
            if (secret) {
                // created 0600 before a byte of the key is written
                Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"))), text, StandardCharsets.US_ASCII,
                        StandardOpenOption.WRITE);
            } else {
                Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
