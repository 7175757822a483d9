package io.gctls.cert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The committed test PKI (fixtures/certs) and its manifest, cases.tsv. */
public final class Fixtures {

    /** A fixed "now" inside every fixture's validity window except the date cases'. */
    static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Fixtures() {
    }

    static Path dir() {
        return Path.of(System.getProperty("gctls.projectDir", ".")).toAbsolutePath().normalize()
                .resolve("fixtures/certs");
    }

    static Path file(String relative) {
        return dir().resolve(relative);
    }

    /**
     * A password file of the fixtures, copied to a file only its owner can read: git checks files out
     * readable by all, and gctls refuses a password file others can read, as it refuses a secret file.
     */
    public static Path secret(String relative) {
        try {
            Path copy = SECRETS.resolve(relative.replace('/', '_'));
            if (!Files.exists(copy)) {
                Files.createDirectories(SECRETS);
                Files.copy(file(relative), copy);
                Files.setPosixFilePermissions(copy, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Path SECRETS = Path.of(System.getProperty("java.io.tmpdir"),
            "gctls-test-secrets-" + ProcessHandle.current().pid());

    /** One row of cases.tsv. */
    record Case(String name, String cert, String key, String chain, String trust, String domain, String password,
            Verdict verdict, Set<String> codes, String description) {

        InspectRequest request() {
            InspectRequest request = InspectRequest.of(file(cert));
            if (key != null) {
                request = request.withKey(file(key));
            }
            if (chain != null) {
                request = request.withChain(file(chain));
            }
            if (trust != null) {
                request = request.withTrust(file(trust));
            }
            if (domain != null) {
                request = request.withDomain(domain);
            }
            if (password != null) {
                request = request.withPasswordFile(secret(password));
            }
            return request;
        }

        @Override
        public String toString() {
            return name + " (" + description + ")";
        }
    }

    static List<Case> cases() {
        try {
            List<String> lines = Files.readAllLines(file("cases.tsv"), StandardCharsets.UTF_8);
            List<Case> cases = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Set<String> codes = f[8].equals("-") ? Set.of() : new TreeSet<>(Arrays.asList(f[8].split(",")));
                cases.add(new Case(f[0], f[1], opt(f[2]), opt(f[3]), opt(f[4]), opt(f[5]), opt(f[6]),
                        Verdict.valueOf(f[7].toUpperCase(java.util.Locale.ROOT)), codes, f[9]));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String opt(String field) {
        return field.equals("-") ? null : field;
    }
}
