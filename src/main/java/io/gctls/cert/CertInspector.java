package io.gctls.cert;

import io.gctls.core.Cancellation;
import io.gctls.core.Environment;
import io.gctls.core.InputFiles;
import io.gctls.core.Prompter;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code cert inspect}: reads a certificate, its key and chain the way users hand them over, runs
 * every check of SPEC §4 and returns one verdict, plus the parsed bundle the payload builder reuses.
 *
 * <p>An unreadable or missing file is an input failure ({@link io.gctls.core.GctlsException}, exit 3)
 * thrown before anything else happens; everything else, however broken, becomes a finding.
 */
public final class CertInspector {

    private final Clock clock;
    private final Environment environment;
    private final Supplier<TrustAnchors> defaultTrust;

    public CertInspector(Clock clock, Environment environment) {
        this(clock, environment, TrustAnchors::jdkDefault);
    }

    CertInspector(Clock clock, Environment environment, Supplier<TrustAnchors> defaultTrust) {
        this.clock = clock;
        this.environment = environment;
        this.defaultTrust = memoize(defaultTrust);
    }

    /**
     * Inspects one bundle.
     *
     * @param prompter asked for the key's password only when the key is encrypted, no password file or
     *     {@code GCTLS_KEY_PASSWORD} is given, and {@link Prompter#canAsk()}; pass {@link Prompter#none()}
     *     where nobody may be asked
     * @throws io.gctls.core.GctlsException (exit 3) when a named file cannot be read
     */
    public Inspection inspect(InspectRequest request, Prompter prompter) {
        return inspect(request, prompter, Cancellation.never());
    }

    /** As {@link #inspect(InspectRequest, Prompter)}; Ctrl-C ends a read of a pipe or a slow fetch (exit 130). */
    public Inspection inspect(InspectRequest request, Prompter prompter, Cancellation cancellation) {
        // every file is read before any password is asked for, so a typo in a path fails fast
        CryptoFile certFile = CryptoFileReader.read(request.cert(), "--cert", cancellation);
        Optional<CryptoFile> keyFile = request.key().map(p -> CryptoFileReader.read(p, "--key", cancellation));
        Optional<CryptoFile> chainFile = request.chain().map(p -> CryptoFileReader.read(p, "--chain", cancellation));
        Optional<CryptoFile> trustFile = request.trust().map(p -> CryptoFileReader.read(p, "--trust", cancellation));
        Optional<char[]> password = request.passwordFile().map(p -> PasswordSource.firstLine(
                InputFiles.readSecret(p, "--password-file", PasswordSource.MAX_FILE_BYTES, cancellation)));
        PasswordSource passwords = new PasswordSource(password, environment, prompter);
        return new Run(request, clock.instant(), passwords).inspect(certFile, keyFile, chainFile, trustFile);
    }

    /** One certificate as supplied, with the option it came from. */
    private record Supplied(X509Certificate certificate, String source) {
    }

    /** The state of one inspection. */
    private final class Run {
        private final InspectRequest request;
        private final Instant now;
        private final PasswordSource passwords;
        private final List<Finding> findings = new ArrayList<>();
        private final List<String> fixups = new ArrayList<>();
        /** With multiple-leaves: the end-entity certificates of the --cert file (not "extra" on top of that). */
        private final List<X509Certificate> otherLeaves = new ArrayList<>();

        Run(InspectRequest request, Instant now, PasswordSource passwords) {
            this.request = request;
            this.now = now;
            this.passwords = passwords;
        }

        Inspection inspect(CryptoFile certFile, Optional<CryptoFile> keyFile, Optional<CryptoFile> chainFile,
                Optional<CryptoFile> trustFile) {
            List<X509Certificate> fromCert = certificates(certFile);
            int before = findings.size();
            List<X509Certificate> fromChain = chainFile.map(this::certificates).orElse(List.of());
            boolean chainUnusable = findings.size() > before;
            List<Supplied> supplied = new ArrayList<>();
            fromCert.forEach(c -> supplied.add(new Supplied(c, "cert")));
            fromChain.forEach(c -> supplied.add(new Supplied(c, "chain")));

            Optional<KeyDecoder.DecodedKey> key = keyFile.isPresent() ? key(keyFile.get())
                    : embeddedKey(certFile);
            before = findings.size();
            TrustAnchors anchors = trustFile.map(this::anchors).orElseGet(defaultTrust);
            boolean trustUnusable = findings.size() > before;

            Optional<X509Certificate> leaf = chooseLeaf(certFile, fromCert, supplied, key);
            if (leaf.isEmpty()) {
                return finish(List.of(), Optional.empty());
            }
            boolean keyMatches = key.map(k -> checkKeyMatches(k, leaf.get(), keyFile.orElse(certFile))).orElse(false);

            List<X509Certificate> pool = supplied.stream().map(Supplied::certificate).toList();
            PathFinder.Result path = PathFinder.find(leaf.get(), pool, anchors, now);
            // a chain or trust file that could not be read is the cause, already reported; the missing
            // issuer that follows from it would only repeat it less precisely
            path.failure().filter(f -> !(chainUnusable || trustUnusable) || !f.is(CheckCode.CHAIN_INCOMPLETE))
                    .ifPresent(findings::add);
            if (path.anchored()) {
                chainHygiene(leaf.get(), supplied, otherLeaves, path, chainFile, certFile);
            }
            servedChainChecks(path);
            leafChecks(leaf.get());

            List<CertificateDetails> details = details(leaf.get(), supplied, path);
            CertificateBundle bundle = new CertificateBundle(leaf.get(), chainAsGiven(leaf.get(), supplied),
                    path.intermediates(), path.anchor(), key.map(KeyDecoder.DecodedKey::key),
                    key.map(k -> new SensitivePem(Pem.encode("PRIVATE KEY", encoded(k)))),
                    key.flatMap(k -> keyMatches ? Optional.of(KeyFacts.summary(leaf.get())) : KeyFacts.summary(k.info())),
                    fixups);
            return finish(details, Optional.of(bundle));
        }

        private Inspection finish(List<CertificateDetails> details, Optional<CertificateBundle> bundle) {
            List<Finding> ordered = findings.stream().distinct()
                    .sorted(Comparator.comparing(Finding::severity).reversed()).toList();
            return new Inspection(new InspectionReport(Verdict.of(ordered), ordered, details), bundle);
        }

        // ------------------------------------------------------------------ files and slots

        /** The certificates of a --cert or --chain file, with findings when it holds none or is damaged. */
        private List<X509Certificate> certificates(CryptoFile file) {
            if (file.empty()) {
                add(CheckCode.EMPTY_CERT, file.describe() + " is empty; it should hold PEM certificates");
                return List.of();
            }
            if (file.certificates().isEmpty()) {
                if (!file.privateKeys().isEmpty()) {
                    add(CheckCode.CERT_IS_KEY, file.describe() + " holds a private key, not a certificate"
                            + (file.option().equals("--cert") ? " (are --cert and --key swapped?)" : ""));
                } else if (!file.publicKeys().isEmpty()) {
                    add(CheckCode.CERT_IS_KEY, file.describe() + " holds a public key, not a certificate");
                } else {
                    add(CheckCode.BAD_PEM, file.describe() + " holds no certificate: " + firstReason(file));
                }
                return List.of();
            }
            file.problems().forEach(problem -> add(CheckCode.BAD_PEM, file.describe() + ": " + problem));
            encodingNotes(file, "certificates");
            return file.certificates();
        }

        private TrustAnchors anchors(CryptoFile file) {
            if (file.empty()) {
                add(CheckCode.EMPTY_CERT, file.describe() + " is empty; it should hold the trusted root(s)");
            } else if (file.certificates().isEmpty()) {
                add(CheckCode.BAD_PEM, file.describe() + " holds no certificate: " + firstReason(file));
            } else {
                file.problems().forEach(problem -> add(CheckCode.BAD_PEM, file.describe() + ": " + problem));
            }
            return TrustAnchors.of(file.certificates(), "--trust " + file.path());
        }

        private Optional<KeyDecoder.DecodedKey> key(CryptoFile file) {
            if (file.empty()) {
                add(CheckCode.EMPTY_KEY, file.describe() + " is empty; it should hold the private key");
                return Optional.empty();
            }
            if (file.privateKeys().isEmpty()) {
                if (!file.certificates().isEmpty()) {
                    add(CheckCode.KEY_IS_CERT, file.describe() + " holds a certificate, not a private key"
                            + " (are --cert and --key swapped?)");
                } else if (!file.publicKeys().isEmpty()) {
                    add(CheckCode.KEY_IS_PUBLIC_KEY, file.describe() + " holds only a public key; the private key"
                            + " is needed");
                } else {
                    add(CheckCode.BAD_PEM, file.describe() + " holds no private key: " + firstReason(file));
                }
                return Optional.empty();
            }
            file.problems().forEach(problem -> add(CheckCode.BAD_PEM, file.describe() + ": " + problem));
            encodingNotes(file, "the key");
            return decode(file);
        }

        /** A certificate file that also holds the key (haproxy style) serves as both when --key is absent. */
        private Optional<KeyDecoder.DecodedKey> embeddedKey(CryptoFile certFile) {
            if (certFile.privateKeys().isEmpty() || certFile.certificates().isEmpty()) {
                return Optional.empty();
            }
            Optional<KeyDecoder.DecodedKey> key = decode(certFile);
            key.ifPresent(k -> fixups.add("used the private key found in " + certFile.describe()));
            return key;
        }

        private Optional<KeyDecoder.DecodedKey> decode(CryptoFile file) {
            try {
                KeyDecoder.DecodedKey key = KeyDecoder.decode(file.privateKeys().get(0), file.describe(), passwords);
                if (key.wasEncrypted()) {
                    fixups.add("decrypted the " + key.format() + " key");
                } else if (!key.format().equals("PKCS#8")) {
                    fixups.add("converted the " + key.format() + " key to PKCS#8");
                }
                return Optional.of(key);
            } catch (KeyDecoder.Problem problem) {
                add(problem.code(), problem.getMessage());
                return Optional.empty();
            }
        }

        private void encodingNotes(CryptoFile file, String what) {
            if (file.der()) {
                add(CheckCode.DER, file.describe() + " is DER; the payload sends " + what + " as PEM");
                fixups.add("converted DER to PEM (" + file.describe() + ")");
            }
            if (file.bom()) {
                add(CheckCode.BOM, file.describe() + " starts with a byte-order mark; the payload strips it");
                fixups.add("stripped a byte-order mark (" + file.describe() + ")");
            }
            if (file.crlf()) {
                fixups.add("normalised CRLF line endings (" + file.describe() + ")");
            }
            if (file.textAround()) {
                fixups.add("dropped text outside the PEM blocks (" + file.describe() + ")");
            }
            if (file.pkcs7()) {
                fixups.add("unpacked the PKCS#7 bundle (" + file.describe() + ")");
            }
        }

        private String firstReason(CryptoFile file) {
            if (!file.otherKinds().isEmpty()) {
                return file.otherKinds().get(0);
            }
            return file.problems().isEmpty() ? "nothing in it could be read" : file.problems().get(0);
        }

        // ------------------------------------------------------------------------ the leaf

        /**
         * The end-entity certificate of the --cert file. End-entity means: not a CA, and not the issuer of
         * another supplied certificate (a non-CA "intermediate" is reported as such, not as a second leaf).
         * A file of CA certificates only yields its bottom one, so that a CA:TRUE leaf is judged as a leaf.
         */
        private Optional<X509Certificate> chooseLeaf(CryptoFile certFile, List<X509Certificate> fromCert,
                List<Supplied> supplied, Optional<KeyDecoder.DecodedKey> key) {
            if (fromCert.isEmpty()) {
                return Optional.empty();
            }
            List<X509Certificate> all = supplied.stream().map(Supplied::certificate).toList();
            List<X509Certificate> distinct = distinct(fromCert);
            List<X509Certificate> endEntities = distinct.stream()
                    .filter(c -> !Certs.isCa(c) && !issuesAnother(c, all)).toList();
            if (endEntities.size() > 1) {
                otherLeaves.addAll(endEntities);
                add(CheckCode.MULTIPLE_LEAVES, certFile.describe() + " holds " + endEntities.size()
                        + " end-entity certificates (" + endEntities.stream().map(Certs::quoted)
                                .collect(Collectors.joining(", "))
                        + "); it must hold one leaf, optionally followed by its chain", null);
                return Optional.of(endEntities.stream()
                        .filter(c -> key.isPresent() && KeyFacts.matches(key.get().info(), key.get().key(), c))
                        .findFirst()
                        .orElse(endEntities.get(0)));
            }
            if (endEntities.size() == 1) {
                return Optional.of(endEntities.get(0));
            }
            return Optional.of(distinct.stream().filter(c -> !issuesAnother(c, all)).findFirst()
                    .orElse(distinct.get(0)));
        }

        private boolean issuesAnother(X509Certificate candidate, List<X509Certificate> all) {
            return all.stream().anyMatch(other -> !Certs.same(other, candidate) && !Certs.selfIssued(other)
                    && Certs.namesIssuer(other, candidate));
        }

        private boolean checkKeyMatches(KeyDecoder.DecodedKey key, X509Certificate leaf, CryptoFile keyFile) {
            if (KeyFacts.matches(key.info(), key.key(), leaf)) {
                return true;
            }
            String keyType = KeyFacts.publicHalf(key.info()).map(spki -> KeyFacts.of(spki).describe())
                    .orElse("a key of another type");
            String certType = KeyFacts.of(leaf).describe();
            add(CheckCode.KEY_MISMATCH, "the private key in " + keyFile.describe() + " (" + keyType
                    + ") does not belong to the leaf " + Certs.quoted(leaf) + " (" + certType + ")", Certs.label(leaf));
            return false;
        }

        // ------------------------------------------------------------------------ the chain

        /** The WARN checks: the chain works, but is not what a server should send. */
        private void chainHygiene(X509Certificate leaf, List<Supplied> supplied, List<X509Certificate> otherLeaves,
                PathFinder.Result path, Optional<CryptoFile> chainFile, CryptoFile certFile) {
            leafRepeated(leaf, supplied, chainFile, certFile);
            anchorAndExtras(leaf, supplied, otherLeaves, path);
            order(leaf, supplied, path.intermediates());
        }

        private void leafRepeated(X509Certificate leaf, List<Supplied> supplied, Optional<CryptoFile> chainFile,
                CryptoFile certFile) {
            List<Supplied> copies = supplied.stream().filter(s -> Certs.same(s.certificate(), leaf)).toList();
            if (copies.size() < 2) {
                return;
            }
            String where = copies.stream().skip(1).map(s -> s.source().equals("chain")
                    ? chainFile.map(CryptoFile::describe).orElse("--chain") : certFile.describe())
                    .distinct().collect(Collectors.joining(" and "));
            add(CheckCode.LEAF_IN_CHAIN, "the leaf " + Certs.quoted(leaf) + " appears again in " + where
                    + "; the payload sends it once", Certs.label(leaf));
            fixups.add("dropped the repeated leaf");
        }

        /** root-included for the anchor, extra-cert for certificates off the path; repeats are just sent once. */
        private void anchorAndExtras(X509Certificate leaf, List<Supplied> supplied, List<X509Certificate> otherLeaves,
                PathFinder.Result path) {
            X509Certificate anchor = path.anchor().orElseThrow();
            List<X509Certificate> intermediates = path.intermediates();
            boolean anchorWarned = false;
            List<X509Certificate> seen = new ArrayList<>();
            for (Supplied s : supplied) {
                X509Certificate c = s.certificate();
                if (Certs.same(c, leaf)) {
                    continue;
                }
                boolean repeat = seen.stream().anyMatch(p -> Certs.same(p, c));
                seen.add(c);
                if (Certs.sameEntity(c, anchor)) {
                    if (!anchorWarned) {
                        add(CheckCode.ROOT_INCLUDED, "the chain includes the trust anchor " + Certs.quoted(c)
                                + "; servers must not send it, and the payload drops it", Certs.label(c));
                        fixups.add("dropped the trust anchor " + Certs.quoted(c) + " from the chain");
                        anchorWarned = true;
                    }
                } else if (repeat) {
                    // a repeat is on the path all the same: not an extra certificate, just sent once
                    fixups.add("dropped a repeated copy of " + Certs.quoted(c));
                } else if (intermediates.stream().noneMatch(p -> Certs.same(p, c))
                        && otherLeaves.stream().noneMatch(p -> Certs.same(p, c))) {
                    add(CheckCode.EXTRA_CERT, Certs.quoted(c) + " (from --" + s.source() + ") is not on the path from"
                            + " the leaf to " + Certs.quoted(anchor) + "; the payload drops it", Certs.label(c));
                    fixups.add("dropped " + Certs.quoted(c) + " (not on the path)");
                }
            }
        }

        /** The leaf first, then each issuer in turn: the order TLS servers must send. */
        private void order(X509Certificate leaf, List<Supplied> supplied, List<X509Certificate> intermediates) {
            List<X509Certificate> expected = prepend(leaf, intermediates);
            List<X509Certificate> given = distinct(supplied.stream().map(Supplied::certificate)
                    .filter(c -> expected.stream().anyMatch(p -> Certs.same(p, c))).toList());
            if (!given.equals(expected)) {
                add(CheckCode.CHAIN_OUT_OF_ORDER, "the certificates are supplied as " + names(given)
                        + ", but a server must send the leaf first, then each issuer in turn: " + names(expected)
                        + "; the payload reorders them", null);
                fixups.add("reordered the chain to serving order");
            }
        }

        private void servedChainChecks(PathFinder.Result path) {
            List<X509Certificate> served = path.path();
            for (int i = 0; i < served.size(); i++) {
                X509Certificate c = served.get(i);
                boolean leaf = i == 0;
                CertificateChecks.validity(c, now, leaf).ifPresent(findings::add);
                CertificateChecks.weakKey(c).ifPresent(findings::add);
                if (leaf || !Certs.selfSigned(c)) { // a root's self-signature is not checked by clients
                    CertificateChecks.weakSignature(c).ifPresent(findings::add);
                }
            }
        }

        private void leafChecks(X509Certificate leaf) {
            CertificateChecks.expiresSoon(leaf, now, request.warnDays()).ifPresent(findings::add);
            CertificateChecks.leafIsCa(leaf).ifPresent(findings::add);
            CertificateChecks.extendedKeyUsage(leaf).ifPresent(findings::add);
            CertificateChecks.keyUsage(leaf).ifPresent(findings::add);
            request.domain().filter(d -> !d.isBlank())
                    .flatMap(d -> CertificateChecks.domain(leaf, d)).ifPresent(findings::add);
        }

        // ------------------------------------------------------------------------- results

        private List<CertificateDetails> details(X509Certificate leaf, List<Supplied> supplied,
                PathFinder.Result path) {
            List<CertificateDetails> details = new ArrayList<>();
            List<X509Certificate> listed = new ArrayList<>();
            // the leaf first, wherever it stood in the files
            details.add(Describer.describe(leaf, 0, "leaf", sourceOf(leaf, supplied), now));
            listed.add(leaf);
            Supplied first = firstOf(leaf, supplied);
            for (Supplied s : supplied) {
                X509Certificate c = s.certificate();
                if (s == first) {
                    continue;
                }
                String role = listed.stream().anyMatch(p -> Certs.same(p, c)) ? "duplicate" : role(c, path);
                details.add(Describer.describe(c, details.size(), role, s.source(), now));
                listed.add(c);
            }
            path.anchor().filter(a -> supplied.stream().noneMatch(s -> Certs.sameEntity(s.certificate(), a)))
                    .ifPresent(a -> details.add(Describer.describe(a, details.size(), "anchor", "trust", now)));
            return details;
        }

        private String role(X509Certificate c, PathFinder.Result path) {
            if (path.anchor().isPresent() && Certs.sameEntity(c, path.anchor().get())) {
                return "anchor";
            }
            if (path.path().stream().anyMatch(p -> Certs.same(p, c))) {
                return Certs.selfSigned(c) ? "root" : "intermediate";
            }
            return path.anchored() ? "extra" : "unverified";
        }

        private Supplied firstOf(X509Certificate leaf, List<Supplied> supplied) {
            return supplied.stream().filter(s -> Certs.same(s.certificate(), leaf)).findFirst().orElseThrow();
        }

        private String sourceOf(X509Certificate leaf, List<Supplied> supplied) {
            return firstOf(leaf, supplied).source();
        }

        private List<X509Certificate> chainAsGiven(X509Certificate leaf, List<Supplied> supplied) {
            Supplied first = firstOf(leaf, supplied);
            return supplied.stream().filter(s -> s != first).map(Supplied::certificate).toList();
        }

        private byte[] encoded(KeyDecoder.DecodedKey key) {
            try {
                return key.info().getEncoded();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("a decoded key cannot be re-encoded", e);
            }
        }

        private void add(CheckCode code, String message) {
            findings.add(Finding.of(code, message));
        }

        private void add(CheckCode code, String message, String certificate) {
            findings.add(Finding.of(code, message, certificate));
        }
    }

    private static List<X509Certificate> distinct(List<X509Certificate> certificates) {
        List<X509Certificate> result = new ArrayList<>();
        for (X509Certificate c : certificates) {
            if (result.stream().noneMatch(r -> Certs.same(r, c))) {
                result.add(c);
            }
        }
        return result;
    }

    private static List<X509Certificate> prepend(X509Certificate first, List<X509Certificate> rest) {
        List<X509Certificate> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static String names(List<X509Certificate> certificates) {
        return certificates.stream().map(Certs::quoted).collect(Collectors.joining(", "));
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
