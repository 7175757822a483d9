package io.gctls.cert;

import io.gctls.core.Cancellation;
import io.gctls.core.Environment;
import io.gctls.core.Prompter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one inspector: every check of docs/findings.md on parsed {@link Material} (files a user handed
 * over, or a chain a server sent), one verdict, plus the parsed bundle the payload builder reuses.
 *
 * <p>Reading files is the edge's job ({@link Material#read}); an unreadable or missing file is an
 * input failure there (exit 3), before anything else happens. Everything else, however broken,
 * becomes a finding.
 */
public final class CertInspector {

    private static final String NOT_CHECKED = "not checked";
    private static final String ANCHOR = "not checked: trust anchor";

    /** How many CA Issuers URLs one inspection follows, up the chain, before it gives up. */
    static final int MAX_AIA_FETCHES = 4;

    private final Clock clock;
    private final Environment environment;
    private final Supplier<TrustAnchors> defaultTrust;
    private final Network network;
    private final Optional<Path> aiaCache;

    /** The real network, no AIA cache. */
    public CertInspector(Clock clock, Environment environment) {
        this(clock, environment, new HttpNetwork(), Optional.empty());
    }

    /**
     * @param network where AIA, OCSP and CRL requests go (tests and the sandbox put their own here)
     * @param aiaCache the folder that keeps fetched issuer certificates, e.g. {@code $XDG_CACHE_HOME/gctls/aia}
     */
    public CertInspector(Clock clock, Environment environment, Network network, Optional<Path> aiaCache) {
        this(clock, environment, TrustAnchors::jdkDefault, network, aiaCache);
    }

    CertInspector(Clock clock, Environment environment, Supplier<TrustAnchors> defaultTrust) {
        this(clock, environment, defaultTrust, new HttpNetwork(), Optional.empty());
    }

    CertInspector(Clock clock, Environment environment, Supplier<TrustAnchors> defaultTrust, Network network,
            Optional<Path> aiaCache) {
        this.clock = clock;
        this.environment = environment;
        this.defaultTrust = memoize(defaultTrust);
        this.network = network;
        this.aiaCache = aiaCache;
    }

    /**
     * Reads the request's files and inspects them.
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
        return inspect(Material.read(request, cancellation), request.options(), prompter, cancellation);
    }

    /** Inspects material already read (files, or a chain a server sent). */
    public Inspection inspect(Material material, InspectOptions options, Prompter prompter,
            Cancellation cancellation) {
        PasswordSource passwords = new PasswordSource(material.password(), environment, prompter);
        return new Run(options, clock.instant(), passwords, material.served() ? PathFinder.Wording.SERVED
                : PathFinder.Wording.FILES, cancellation).inspect(material);
    }

    /** One certificate as supplied, with where it came from: cert, chain or served. */
    private record Supplied(X509Certificate certificate, String source) {
    }

    /** The state of one inspection. */
    private final class Run {
        private final InspectOptions options;
        private final Instant now;
        private final PasswordSource passwords;
        private final PathFinder.Wording wording;
        private final List<Finding> findings = new ArrayList<>();
        private final List<CertificateBundle.Encoding> encodings = new ArrayList<>();
        /** With multiple-leaves: the end-entity certificates of the --cert file (not "extra" on top of that). */
        private final List<X509Certificate> otherLeaves = new ArrayList<>();
        private Optional<CertificateBundle.KeyOrigin> keyOrigin = Optional.empty();
        private final Cancellation cancellation;
        private final NetworkLog log = new NetworkLog();
        private final List<CertificateBundle.Fetched> fetched = new ArrayList<>();
        /** The certificates of the report's list, in its order, to give each finding its index. */
        private final List<X509Certificate> shown = new ArrayList<>();

        Run(InspectOptions options, Instant now, PasswordSource passwords, PathFinder.Wording wording,
                Cancellation cancellation) {
            this.options = options;
            this.now = now;
            this.passwords = passwords;
            this.wording = wording;
            this.cancellation = cancellation;
        }

        Inspection inspect(Material material) {
            Optional<CryptoFile> opened = openKeystore(material.cert());
            if (opened.isEmpty()) {
                return finish(List.of(), Optional.empty());
            }
            CryptoFile certFile = opened.get();
            Optional<CryptoFile> chainFile = material.chain();
            List<X509Certificate> fromCert = certificates(certFile);
            int before = findings.size();
            List<X509Certificate> fromChain = chainFile.map(this::certificates).orElse(List.of());
            boolean chainUnusable = findings.size() > before;
            String certSource = certFile.isServed() ? CryptoFile.SERVED : "cert";
            List<Supplied> supplied = new ArrayList<>();
            fromCert.forEach(c -> supplied.add(new Supplied(c, certSource)));
            fromChain.forEach(c -> supplied.add(new Supplied(c, "chain")));

            Optional<CryptoFile> keyFile = material.key().flatMap(this::openKeystore);
            Optional<KeyDecoder.DecodedKey> key = material.key().isPresent()
                    ? keyFile.flatMap(this::key) : embeddedKey(certFile);
            before = findings.size();
            TrustAnchors anchors = material.trust().map(this::anchors).orElseGet(defaultTrust);
            boolean trustUnusable = findings.size() > before;

            Optional<X509Certificate> leaf = chooseLeaf(certFile, fromCert, supplied, key);
            if (leaf.isEmpty()) {
                return finish(List.of(), Optional.empty());
            }
            CryptoFile keySource = keyFile.orElse(certFile);
            boolean keyMatches = key.map(k -> checkKeyMatches(k, leaf.get(), keySource)).orElse(false);

            List<X509Certificate> pool = new ArrayList<>(supplied.stream().map(Supplied::certificate).toList());
            PathFinder.Result found = PathFinder.find(leaf.get(), pool, anchors, now, wording);
            PathFinder.Result path = found.issuerMissing() ? repair(leaf.get(), pool, anchors, found) : found;
            // a chain or trust file that could not be read is the cause, already reported; the missing
            // issuer that follows from it would only repeat it less precisely
            path.failure().filter(f -> !(chainUnusable || trustUnusable) || !f.is(CheckCode.CHAIN_INCOMPLETE))
                    .ifPresent(findings::add);
            if (path.anchored()) {
                chainHygiene(leaf.get(), supplied, path, chainFile, certFile);
            }
            servedChainChecks(path);
            leafChecks(leaf.get());
            if (path.valid() && anchors.system()) {
                findings.addAll(PublicWebRules.check(leaf.get()));
            }

            Map<X509Certificate, String> revocation = revocation(path, material.stapledOcsp());
            List<CertificateDetails> details = details(leaf.get(), supplied, path, revocation);
            CertificateBundle bundle = new CertificateBundle(leaf.get(), chainAsGiven(leaf.get(), supplied),
                    path.intermediates(), path.anchor(), key.map(KeyDecoder.DecodedKey::key),
                    key.map(k -> new SensitivePem(Pem.encode("PRIVATE KEY", encoded(k)))),
                    key.flatMap(k -> keyMatches ? Optional.of(KeyFacts.summary(leaf.get())) : KeyFacts.summary(k.info())),
                    encodings, keyOrigin, fetched.stream().filter(f -> path.path().contains(f.certificate())).toList());
            return finish(details, Optional.of(bundle));
        }

        private Inspection finish(List<CertificateDetails> details, Optional<CertificateBundle> bundle) {
            List<Finding> ordered = findings.stream().distinct().map(f -> indexed(f, details))
                    .sorted(Comparator.comparing(Finding::severity).reversed()).toList();
            return new Inspection(new InspectionReport(Verdict.of(ordered), ordered, details,
                    log.report(options.offline())), bundle);
        }

        private Finding indexed(Finding finding, List<CertificateDetails> details) {
            if (finding.subject() == null) {
                return finding;
            }
            for (int i = 0; i < shown.size() && i < details.size(); i++) {
                if (Certs.same(shown.get(i), finding.subject())) {
                    return finding.at(details.get(i).index());
                }
            }
            return finding;
        }

        // ------------------------------------------------------------------ files and slots

        /**
         * A PKCS#12 or JKS file, opened with the key's password: its one key entry (or the one --alias
         * names) becomes a file of the leaf and its chain with the key beside them; a file without a
         * keystore is returned as it is. Empty, with the finding, when it cannot be opened or the entry
         * is ambiguous.
         */
        private Optional<CryptoFile> openKeystore(CryptoFile file) {
            Optional<KeyMaterial.Keystore> keystore = file.privateKeys().stream()
                    .filter(KeyMaterial.Keystore.class::isInstance).map(KeyMaterial.Keystore.class::cast).findFirst();
            if (keystore.isEmpty()) {
                return Optional.of(file);
            }
            String format = keystore.get().format();
            Optional<char[]> password = passwords.first(file.describe());
            if (password.isEmpty()) {
                add(CheckCode.ENCRYPTED_KEY, "", file, Map.of("format", (format.startsWith("PKCS") ? "a " : "a ")
                        + format + " file", "how", passwords.howToGive()));
                return Optional.empty();
            }
            Keystores.Opened opened;
            while (true) {
                char[] attempt = password.get();
                try {
                    opened = Keystores.open(keystore.get(), attempt);
                    break;
                } catch (Keystores.WrongPassword e) {
                    password = passwords.retry(file.describe());
                    if (password.isEmpty()) {
                        add(CheckCode.WRONG_PASSWORD, "", file, Map.of("origin", passwords.origin()));
                        return Optional.empty();
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    add(CheckCode.BAD_PEM, "keystore", file, Map.of("kind", "a " + format + " file", "reason",
                            CryptoFileReader.reason(e)));
                    return Optional.empty();
                } finally {
                    java.util.Arrays.fill(attempt, '\0');
                }
            }
            List<Keystores.Entry> entries = opened.entries();
            String aliases = entries.stream().map(e -> "'" + e.alias() + "'").collect(Collectors.joining(", "));
            Keystores.Entry entry;
            if (options.alias().isPresent()) {
                entry = entries.stream().filter(e -> e.alias().equalsIgnoreCase(options.alias().get())).findFirst()
                        .orElse(null);
                if (entry == null) {
                    add(CheckCode.MULTIPLE_LEAVES, "no-alias", file, Map.of("alias", options.alias().get(), "names",
                            aliases.isEmpty() ? "none" : aliases));
                    return Optional.empty();
                }
            } else if (entries.size() > 1) {
                add(CheckCode.MULTIPLE_LEAVES, "aliases", file, Map.of("count", String.valueOf(entries.size()),
                        "names", aliases));
                return Optional.empty();
            } else if (entries.isEmpty()) {
                return Optional.of(new CryptoFile(file.path(), file.option(), opened.loose(), List.of(), List.of(),
                        List.of(), List.of(), false, false, false, false, false, opened.loose().isEmpty()));
            } else {
                entry = entries.get(0);
            }
            encodings.add(new CertificateBundle.Encoding(file.describe(), false, false, false, false, false, true));
            return Optional.of(new CryptoFile(file.path(), file.option(), entry.chain(), List.of(
                    new KeyMaterial.Plain(entry.key(), format + " entry '" + entry.alias() + "'")), List.of(), List.of(),
                    List.of(), false, false, false, false, false, entry.chain().isEmpty()));
        }

        /** The certificates of a --cert or --chain file, with findings when it holds none or is damaged. */
        private List<X509Certificate> certificates(CryptoFile file) {
            if (file.empty()) {
                add(CheckCode.EMPTY_CERT, "", file, Map.of("wanted", file.isServed() ? "certificates"
                        : "PEM certificates"));
                return List.of();
            }
            if (file.certificates().isEmpty()) {
                if (!file.privateKeys().isEmpty()) {
                    add(CheckCode.CERT_IS_KEY, "private", file, Map.of("hint", file.option().equals("--cert")
                            ? " (are --cert and --key swapped?)" : ""));
                } else if (!file.publicKeys().isEmpty()) {
                    add(CheckCode.CERT_IS_KEY, "public", file, Map.of());
                } else {
                    add(CheckCode.BAD_PEM, "no-certificate", file, Map.of("reason", firstReason(file)));
                }
                return List.of();
            }
            file.problems().forEach(problem -> add(CheckCode.BAD_PEM, "block", file, Map.of("reason", problem)));
            encodingNotes(file, "certificates");
            return file.certificates();
        }

        private TrustAnchors anchors(CryptoFile file) {
            if (file.empty()) {
                add(CheckCode.EMPTY_CERT, "", file, Map.of("wanted", "the trusted root(s)"));
            } else if (file.certificates().isEmpty()) {
                add(CheckCode.BAD_PEM, "no-certificate", file, Map.of("reason", firstReason(file)));
            } else {
                file.problems().forEach(problem -> add(CheckCode.BAD_PEM, "block", file, Map.of("reason", problem)));
            }
            return TrustAnchors.of(file.certificates(), "--trust " + file.path());
        }

        private Optional<KeyDecoder.DecodedKey> key(CryptoFile file) {
            if (file.empty()) {
                add(CheckCode.EMPTY_KEY, "", file, Map.of());
                return Optional.empty();
            }
            if (file.privateKeys().isEmpty()) {
                if (!file.certificates().isEmpty()) {
                    add(CheckCode.KEY_IS_CERT, "", file, Map.of());
                } else if (!file.publicKeys().isEmpty()) {
                    add(CheckCode.KEY_IS_PUBLIC_KEY, "", file, Map.of());
                } else {
                    add(CheckCode.BAD_PEM, "no-key", file, Map.of("reason", firstReason(file)));
                }
                return Optional.empty();
            }
            file.problems().forEach(problem -> add(CheckCode.BAD_PEM, "block", file, Map.of("reason", problem)));
            encodingNotes(file, "the key");
            return decode(file, false);
        }

        /** A certificate file that also holds the key (haproxy style) serves as both when --key is absent. */
        private Optional<KeyDecoder.DecodedKey> embeddedKey(CryptoFile certFile) {
            if (certFile.privateKeys().isEmpty() || certFile.certificates().isEmpty()) {
                return Optional.empty();
            }
            return decode(certFile, true);
        }

        private Optional<KeyDecoder.DecodedKey> decode(CryptoFile file, boolean fromCertFile) {
            try {
                KeyDecoder.DecodedKey key = KeyDecoder.decode(file.privateKeys().get(0), file.describe(), passwords);
                keyOrigin = Optional.of(new CertificateBundle.KeyOrigin(file.describe(), key.format(),
                        key.wasEncrypted(), fromCertFile));
                return Optional.of(key);
            } catch (KeyDecoder.Problem problem) {
                findings.add(problem.finding());
                return Optional.empty();
            }
        }

        private void encodingNotes(CryptoFile file, String what) {
            if (file.der()) {
                add(CheckCode.DER, "", file, Map.of("what", what));
            }
            if (file.bom()) {
                add(CheckCode.BOM, "", file, Map.of());
            }
            if (file.der() || file.bom() || file.crlf() || file.textAround() || file.pkcs7()) {
                encodings.add(new CertificateBundle.Encoding(file.describe(), file.der(), file.bom(), file.crlf(),
                        file.textAround(), file.pkcs7(), false));
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
                add(CheckCode.MULTIPLE_LEAVES, "", certFile, Map.of("count", String.valueOf(endEntities.size()),
                        "names", names(endEntities), "expected", certFile.isServed()
                                ? "a server sends one leaf, followed by its chain"
                                : "it must hold one leaf, optionally followed by its chain"));
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
            findings.add(Finding.of(CheckCode.KEY_MISMATCH, "", leaf, Map.of("file", keyFile.describe(), "keyType",
                    keyType, "certType", KeyFacts.of(leaf).describe())));
            return false;
        }

        // ------------------------------------------------------------------------ the chain

        /** The WARN checks: the chain works, but is not what a server should send. */
        private void chainHygiene(X509Certificate leaf, List<Supplied> supplied, PathFinder.Result path,
                Optional<CryptoFile> chainFile, CryptoFile certFile) {
            String given = certFile.isServed() ? "the served certificates" : "the certificates supplied";
            leafRepeated(leaf, supplied, chainFile, certFile);
            anchorAndExtras(leaf, supplied, path, given, chainFile, certFile);
            order(leaf, supplied, path.intermediates(), given);
        }

        private void leafRepeated(X509Certificate leaf, List<Supplied> supplied, Optional<CryptoFile> chainFile,
                CryptoFile certFile) {
            List<Supplied> copies = supplied.stream().filter(s -> Certs.same(s.certificate(), leaf)).toList();
            if (copies.size() < 2) {
                return;
            }
            String where = copies.stream().skip(1).map(s -> origin(s, chainFile, certFile))
                    .distinct().collect(Collectors.joining(" and "));
            findings.add(Finding.of(CheckCode.LEAF_IN_CHAIN, "", leaf, Map.of("where", where)));
        }

        private String origin(Supplied s, Optional<CryptoFile> chainFile, CryptoFile certFile) {
            return s.source().equals("chain") ? chainFile.map(CryptoFile::describe).orElse("--chain")
                    : certFile.describe();
        }

        /** root-included for the anchor, extra-cert for certificates off the path; repeats are just sent once. */
        private void anchorAndExtras(X509Certificate leaf, List<Supplied> supplied, PathFinder.Result path,
                String given, Optional<CryptoFile> chainFile, CryptoFile certFile) {
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
                        findings.add(Finding.of(CheckCode.ROOT_INCLUDED, "", c, Map.of("given", given)));
                        anchorWarned = true;
                    }
                } else if (!repeat && intermediates.stream().noneMatch(p -> Certs.same(p, c))
                        && otherLeaves.stream().noneMatch(p -> Certs.same(p, c))) {
                    findings.add(Finding.of(CheckCode.EXTRA_CERT, "", c, Map.of("from",
                            origin(s, chainFile, certFile), "anchor", Certs.quoted(anchor))));
                }
            }
        }

        /** The leaf first, then each issuer in turn: the order TLS servers must send. */
        private void order(X509Certificate leaf, List<Supplied> supplied, List<X509Certificate> intermediates,
                String given) {
            // intermediates fetched from an AIA URL were not supplied, so they take no place in the order
            List<X509Certificate> expected = prepend(leaf, intermediates).stream()
                    .filter(p -> supplied.stream().anyMatch(s -> Certs.same(s.certificate(), p))).toList();
            List<X509Certificate> order = distinct(supplied.stream().map(Supplied::certificate)
                    .filter(c -> expected.stream().anyMatch(p -> Certs.same(p, c))).toList());
            if (!order.equals(expected)) {
                findings.add(Finding.of(CheckCode.CHAIN_OUT_OF_ORDER, "", null, Map.of("given", given, "order",
                        names(order), "expected", names(expected))));
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
            CertificateChecks.expiresSoon(leaf, now, options.warnDays()).ifPresent(findings::add);
            CertificateChecks.leafIsCa(leaf).ifPresent(findings::add);
            CertificateChecks.extendedKeyUsage(leaf).ifPresent(findings::add);
            CertificateChecks.keyUsage(leaf).ifPresent(findings::add);
            options.domain().filter(d -> !d.isBlank())
                    .flatMap(d -> CertificateChecks.domain(leaf, d)).ifPresent(findings::add);
        }

        // ------------------------------------------------------------------ chain repair (AIA)

        /**
         * The path stops at a certificate whose issuer nobody supplied: fetch that issuer from the
         * certificate's CA Issuers URL (http only), add it, and try again; up the chain at most
         * {@value #MAX_AIA_FETCHES} URLs, none twice. When it works, {@code chain-completed-from-aia}
         * names what was fetched; when not, {@code chain-incomplete} says what the fetch gave.
         */
        private PathFinder.Result repair(X509Certificate leaf, List<X509Certificate> pool, TrustAnchors anchors,
                PathFinder.Result first) {
            // the cache's age is that of its files, so it is judged on the wall clock, not the inspection's
            AiaFetcher fetcher = new AiaFetcher(network, aiaCache, Clock.systemUTC());
            List<String> tried = new ArrayList<>();
            PathFinder.Result path = first;
            String note = "";
            while (path.issuerMissing() && tried.size() < MAX_AIA_FETCHES) {
                X509Certificate top = path.path().get(path.path().size() - 1);
                List<String> urls = Describer.httpOnly(Describer.caIssuersUrls(top)).stream()
                        .filter(u -> !tried.contains(u)).toList();
                if (urls.isEmpty()) {
                    break;
                }
                if (options.offline()) {
                    urls.forEach(log::skipped);
                    note = " (--offline: its CA Issuers URL " + urls.get(0) + " was not fetched)";
                    break;
                }
                boolean added = false;
                for (String url : urls) {
                    if (tried.size() >= MAX_AIA_FETCHES) {
                        break;
                    }
                    tried.add(url);
                    long started = System.nanoTime();
                    AiaFetcher.Fetch fetch = fetcher.fetch(url, cancellation);
                    List<X509Certificate> issuers = fetch.certificates().stream()
                            .filter(c -> Certs.namesIssuer(top, c) && pool.stream().noneMatch(p -> Certs.same(p, c)))
                            .toList();
                    String outcome = fetch.failure() != null ? "failed: " + fetch.failure()
                            : issuers.isEmpty() ? "no issuer of " + Certs.quoted(top) + " in it"
                                    : "got " + names(issuers);
                    if (fetch.cached()) {
                        log.cached(url, "CA Issuers", outcome);
                    } else {
                        log.add(url, "CA Issuers", outcome, started);
                    }
                    if (issuers.isEmpty()) {
                        note = fetch.failure() != null
                                ? " (fetching it from its CA Issuers URL " + url + " failed: " + fetch.failure() + ")"
                                : " (its CA Issuers URL " + url + " holds no certificate that issued it)";
                        continue;
                    }
                    issuers.forEach(c -> fetched.add(new CertificateBundle.Fetched(c, url)));
                    pool.addAll(issuers);
                    added = true;
                    break;
                }
                if (!added) {
                    break;
                }
                path = PathFinder.find(leaf, pool, anchors, now, wording);
            }
            if (path.issuerMissing() && !note.isEmpty()) {
                X509Certificate top = path.path().get(path.path().size() - 1);
                return new PathFinder.Result(path.path(), path.anchor(), Optional.of(
                        PathFinder.missingIssuer(top, anchors, wording, note)));
            }
            List<X509Certificate> repaired = path.path();
            List<CertificateBundle.Fetched> used = fetched.stream().filter(f -> repaired.contains(f.certificate()))
                    .toList();
            if (path.anchored() && !used.isEmpty()) {
                findings.add(Finding.of(CheckCode.CHAIN_COMPLETED_FROM_AIA, "", leaf, Map.of(
                        "anchor", Certs.quoted(path.anchor().get()),
                        "fetched", names(used.stream().map(CertificateBundle.Fetched::certificate).toList()),
                        "urls", used.stream().map(CertificateBundle.Fetched::url).distinct()
                                .collect(Collectors.joining(", ")),
                        "plural", used.stream().map(CertificateBundle.Fetched::url).distinct().count() > 1 ? "s" : "",
                        "them", used.size() > 1 ? "them after the leaf" : "it after the leaf")));
            }
            return path;
        }

        // -------------------------------------------------------------------- revocation

        /**
         * OCSP, then the CRL, for every certificate of the path but the anchor. Nothing is fetched (and no
         * network class is touched) for certificates that name no http OCSP or CRL location.
         */
        private Map<X509Certificate, String> revocation(PathFinder.Result path, Optional<byte[]> stapled) {
            List<X509Certificate> certificates = path.path();
            Revocation revocation = null;
            Map<X509Certificate, String> outcomes = new java.util.HashMap<>();
            for (int i = 0; i < certificates.size(); i++) {
                X509Certificate c = certificates.get(i);
                Optional<X509Certificate> issuer = i + 1 < certificates.size() ? Optional.of(certificates.get(i + 1))
                        : path.anchor().filter(a -> !Certs.sameEntity(a, c));
                if (issuer.isEmpty() || Certs.selfSigned(c)) {
                    continue;
                }
                Optional<byte[]> staple = i == 0 ? stapled : Optional.empty();
                List<String> urls = new ArrayList<>(Describer.httpOnly(Describer.ocspUrls(c)));
                urls.addAll(Describer.httpOnly(Describer.crlUrls(c)));
                if (urls.isEmpty() && staple.isEmpty()) {
                    outcomes.put(c, "not checked: no OCSP or CRL location");
                    continue;
                }
                if (options.offline() && staple.isEmpty()) {
                    urls.forEach(log::skipped);
                    outcomes.put(c, "not checked: --offline");
                    continue;
                }
                if (revocation == null) {
                    revocation = new Revocation(options.offline() ? offlineNetwork() : network, log, now, cancellation);
                }
                Revocation.Outcome outcome = revocation.check(c, issuer.get(), staple);
                outcomes.put(c, outcome.describe());
                if (outcome.state() == Revocation.State.REVOKED) {
                    findings.add(Finding.of(CheckCode.REVOKED, "", c, Map.of("via", outcome.via(),
                            "reason", outcome.reason() == null ? "" : " (" + outcome.reason() + ")",
                            "date", outcome.revokedAt() == null ? "" : ", revoked on "
                                    + CertificateChecks.date(outcome.revokedAt()))));
                } else if (outcome.state() == Revocation.State.UNKNOWN) {
                    findings.add(Finding.of(CheckCode.REVOCATION_UNKNOWN, "", c, Map.of("why", outcome.why())));
                }
            }
            return outcomes;
        }

        /** Offline with a stapled answer: the staple is judged, nothing else is fetched. */
        private Network offlineNetwork() {
            return new Network() {
                @Override
                public Response get(java.net.URI uri, int maxBytes, Cancellation c) throws java.io.IOException {
                    log.skipped(uri.toString());
                    throw new java.io.IOException("--offline");
                }

                @Override
                public Response post(java.net.URI uri, String type, byte[] body, int maxBytes, Cancellation c)
                        throws java.io.IOException {
                    log.skipped(uri.toString());
                    throw new java.io.IOException("--offline");
                }
            };
        }

        // ------------------------------------------------------------------------- results

        /** @param revocation what the revocation check said of each certificate of the path it looked at */
        private List<CertificateDetails> details(X509Certificate leaf, List<Supplied> supplied,
                PathFinder.Result path, Map<X509Certificate, String> revocation) {
            List<CertificateDetails> details = new ArrayList<>();
            List<X509Certificate> listed = new ArrayList<>();
            // the leaf first, wherever it stood in the files
            details.add(Describer.describe(leaf, 0, "leaf", sourceOf(leaf, supplied), now,
                    revocation.getOrDefault(leaf, NOT_CHECKED)));
            listed.add(leaf);
            Supplied first = firstOf(leaf, supplied);
            for (Supplied s : supplied) {
                X509Certificate c = s.certificate();
                if (s == first) {
                    continue;
                }
                String role = listed.stream().anyMatch(p -> Certs.same(p, c)) ? "duplicate" : role(c, path);
                details.add(Describer.describe(c, details.size(), role, s.source(), now,
                        role.equals("anchor") ? ANCHOR : revocation.getOrDefault(c, NOT_CHECKED)));
                listed.add(c);
            }
            path.anchor().filter(a -> supplied.stream().noneMatch(s -> Certs.sameEntity(s.certificate(), a)))
                    .ifPresent(a -> {
                        details.add(Describer.describe(a, details.size(), "anchor", "trust", now, ANCHOR));
                        listed.add(a);
                    });
            shown.addAll(listed);
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

        private void add(CheckCode code, String variant, CryptoFile file, Map<String, String> data) {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("file", file.describe());
            facts.putAll(data);
            findings.add(Finding.of(code, variant, null, facts));
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
