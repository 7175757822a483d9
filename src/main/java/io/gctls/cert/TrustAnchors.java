package io.gctls.cert;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates a path may end at: those of the {@code --trust} file, or the JDK's default trust
 * store (cacerts, or whatever {@code javax.net.ssl.trustStore} names) when none is given.
 */
record TrustAnchors(List<X509Certificate> certificates, String description, boolean system) {

    static TrustAnchors of(List<X509Certificate> certificates, String description) {
        return new TrustAnchors(List.copyOf(certificates), description, false);
    }

    /**
     * The platform's trust store: a path ending at one of these is on the public web, where the
     * browsers' rules apply too (validity-too-long, too-few-scts, san-internal-name).
     */
    static TrustAnchors system(List<X509Certificate> certificates, String description) {
        return new TrustAnchors(List.copyOf(certificates), description, true);
    }

    /** Loaded on demand: reading cacerts costs start-up time that a --trust run does not need. */
    static TrustAnchors jdkDefault() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return system(Arrays.asList(x509.getAcceptedIssuers()), "the JDK trust store");
                }
            }
        } catch (java.security.GeneralSecurityException e) {
            // fall through: an unreadable default store trusts nothing, and every path says so
        }
        return system(List.of(), "the JDK trust store (unreadable)");
    }

    /** The anchor equal to this certificate (same subject and key), if it is one. */
    java.util.Optional<X509Certificate> find(X509Certificate certificate) {
        return certificates.stream().filter(anchor -> Certs.sameEntity(anchor, certificate)).findFirst();
    }
}
