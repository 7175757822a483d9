package io.gctls.sandbox;

import java.io.IOException;
import java.io.StringReader;
import java.net.IDN;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Chooses, at each handshake, the deployed certificate for the name the client asked for (SNI).
 * It reads the store every time, so a create, replace, delete or reset is served from the next
 * handshake on with nothing to notify. Parsed keys are cached per domain id and version (a
 * replace makes a new version, so it is never served the old certificate) and dropped once that
 * version is gone from the store. (A handshake already under way while its domain is replaced may
 * find its entry pruned between choosing it and reading it, and fail once: the next one gets the
 * new certificate.)
 *
 * <p>A name no deployed domain covers, or no name at all, gets the first deployed domain's
 * certificate, as a real server's default certificate would: the probe then reports the name
 * mismatch against what was really served instead of a bare handshake failure. With nothing
 * deployed there is no certificate to choose and the handshake fails.
 *
 * <p>Keys and certificates are converted to the JDK's own key objects (JSSE signs with them),
 * never with the Bouncy Castle provider the upload check uses.
 */
final class SniKeyManager extends X509ExtendedKeyManager {

    /** A domain version ready to serve. Never printed with its key. */
    record Entry(String alias, String domain, PrivateKey key, X509Certificate[] chain) {
        @Override
        public String toString() {
            return "Entry[" + alias + " " + domain + "]";
        }
    }

    private final Supplier<List<Emulator.Deployed>> store;
    private final Map<String, Entry> loaded = new ConcurrentHashMap<>();

    SniKeyManager(Supplier<List<Emulator.Deployed>> store) {
        this.store = store;
    }

    /** The entry a handshake asking for {@code serverName} (null: no SNI) is served. */
    Optional<Entry> select(String serverName) {
        List<Emulator.Deployed> deployed = store.get();
        Set<String> current = deployed.stream().map(d -> alias(d.domain())).collect(Collectors.toSet());
        loaded.keySet().retainAll(current);
        if (deployed.isEmpty()) {
            return Optional.empty();
        }
        Optional<Emulator.Deployed> covering = covering(deployed, serverName);
        Optional<Emulator.Deployed> chosen = covering.isPresent() ? covering
                : deployed.stream().filter(d -> !d.refused()).findFirst();
        if (chosen.isEmpty() || chosen.get().refused()) {
            return Optional.empty(); // no certificate: the handshake fails
        }
        Emulator.Deployed serve = chosen.get();
        return Optional.ofNullable(loaded.computeIfAbsent(alias(serve.domain()), alias -> load(alias, serve)));
    }

    /** Forgets every parsed key (the store was reset). */
    void forget() {
        loaded.clear();
    }

    /** The deployed domain whose name covers {@code host}: exactly first, else a {@code *.} wildcard one label up. */
    static Optional<Emulator.Deployed> covering(List<Emulator.Deployed> deployed, String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String name = normalise(host);
        Optional<Emulator.Deployed> exact = deployed.stream()
                .filter(d -> d.domain().domain().equalsIgnoreCase(name)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        int dot = name.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String parent = name.substring(dot + 1);
        return deployed.stream().filter(d -> d.domain().domain().equalsIgnoreCase("*." + parent)).findFirst();
    }

    private static String normalise(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            return IDN.toASCII(name);
        } catch (IllegalArgumentException e) {
            return name; // not a name IDNA can convert: it will simply match nothing
        }
    }

    private static String alias(CustomDomain domain) {
        return domain.id() + "#" + domain.version();
    }

    /** Null when the stored material cannot be served (the handshake then fails); the store checked it on upload. */
    private static Entry load(String alias, Emulator.Deployed deployed) {
        if (deployed.privateKeyPem() == null) {
            return null;
        }
        try {
            List<X509Certificate> chain = new ArrayList<>(certificates(deployed.domain().certificate()));
            if (deployed.domain().certificateChain() != null) {
                chain.addAll(certificates(deployed.domain().certificateChain()));
            }
            return new Entry(alias, deployed.domain().domain(), privateKey(deployed.privateKeyPem()),
                    chain.toArray(X509Certificate[]::new));
        } catch (CertificateCheck.Refused | CertificateException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<X509Certificate> certificates(String pem) throws CertificateCheck.Refused,
            CertificateException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter(); // the JDK's own X509Certificate
        List<X509Certificate> certificates = new ArrayList<>();
        for (CertificateCheck.Parsed parsed : CertificateCheck.certificates(pem, "certificate")) {
            certificates.add(converter.getCertificate(parsed.holder()));
        }
        return certificates;
    }

    private static PrivateKey privateKey(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            // no provider set: the JDK's KeyFactory makes the key, so JSSE can sign with it
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException("not an unencrypted private key");
        }
    }

    // ------------------------------------------------------------------ JSSE's questions

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return socket instanceof SSLSocket tls ? choose(keyType, tls.getHandshakeSession()) : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return engine == null ? null : choose(keyType, engine.getHandshakeSession());
    }

    /** JSSE asks once per acceptable key type; answer only with a key of that type. */
    private String choose(String keyType, SSLSession handshake) {
        return select(requestedName(handshake))
                .filter(entry -> entry.key().getAlgorithm().equals(keyType))
                .map(Entry::alias)
                .orElse(null);
    }

    private static String requestedName(SSLSession handshake) {
        if (handshake instanceof ExtendedSSLSession extended) {
            return extended.getRequestedServerNames().stream()
                    .filter(name -> name.getType() == StandardConstants.SNI_HOST_NAME)
                    .map(name -> name instanceof SNIHostName host ? host.getAsciiName() : null)
                    .filter(name -> name != null)
                    .findFirst().orElse(null);
        }
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Entry entry = alias == null ? null : loaded.get(alias);
        return entry == null ? null : entry.chain().clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Entry entry = alias == null ? null : loaded.get(alias);
        return entry == null ? null : entry.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return loaded.values().stream().filter(e -> e.key().getAlgorithm().equals(keyType)).map(Entry::alias)
                .toArray(String[]::new);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null; // the sandbox never authenticates as a client
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
