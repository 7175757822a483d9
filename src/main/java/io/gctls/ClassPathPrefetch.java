package io.gctls;

import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

/**
 * Does, on another thread while the shell is being built, the JDK's own first-use work that nearly
 * every command then waits for on the main thread.
 *
 * <p>First it opens the launcher's jar. Most commands make the JDK look a service up on the whole
 * class path (loading a security provider does, and so does starting the logging), which opens the
 * jar and reads its directory of 35,000 entries: about 20 ms. The JDK shares one copy of a jar's
 * directory between everyone who has it open, so the jar opened here is kept open and the class
 * loader's own open then finds the directory read.
 *
 * <p>Then it loads the JDK's security providers and logging the way reading a certificate does:
 * the X.509 factory, RSA and EC keys and signatures (SunEC is a provider found through the class
 * path's services), and java.util.logging, which Bouncy Castle's PEM reader and the JDK's security
 * events start. All of these are the JDK's, thread-safe and the same whichever thread asks first;
 * no class of the application is initialised off the main thread. A command that never reads a
 * certificate gets nothing from this but loses nothing either: it runs on the other core.
 *
 * <p>Last it verifies one signature of each kind public CAs sign with (RSA, ECDSA on P-256 and
 * P-384). The JDK's elliptic-curve and big-number arithmetic runs interpreted until the JIT has
 * seen it often enough: the first P-384 verification of a run took about a sixth of a one-shot
 * {@code cert inspect}. Done here first, the code is compiled by the time a certificate's
 * signature is checked, on any thread. The keys and signatures below were made once for this
 * (over the bytes "gctls"); nothing secret.
 */
final class ClassPathPrefetch {

    /** Algorithm, signature algorithm, public key (X.509, base64), signature over "gctls" (base64). */
    private static final String[][] SIGNATURES = {
        {"EC", "SHA256withECDSA", // P-384
            "MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAERUnDxFDrZ0e12LeTrmKBwJKxErMCAZ81z3dVAG+zv+7cNezafpMRwmy0O7WJFBd9"
                + "8Os4eUE5lPvgtgxOE+kUJ8byPIq7Md6watXgVg61Jw2Wd4dkwbiUA6j9vl4MTIZm",
            "MGUCMQCgIc2wle6ThvcE3KszCCON8skwdZGg5vyWZXA7Tng9EbKC5cS7LyT2L7obSv41t68CMCMSv5Ixt1tF1781YcXypAMQ"
                + "ltIyRKfyVSgTkVhT3qpP9MrtpqGjqioMdFbKd4lYLQ=="},
        {"EC", "SHA256withECDSA", // P-256
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEIk9adiRKqyYn8zwZKaeU1q01xyfou932PzBXwyHb3X6wZsE67TdLIfrdS5kF"
                + "I99bHM2NaN6m7xw8OhDkfWIgzg==",
            "MEQCIHc02LdBZklzxNzkhiROu/DF+rFmfrXUMiVhEhiz71OzAiBEAkS0zwi/KmnR/gcrw146U3z1gaGBT7JWpmlxTbXdnA=="},
        {"RSA", "SHA256withRSA", // RSA 2048
            "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu7b+cbOs3VyM0nq3umD+D0CErb3RJcEADCu/p6hGzCak2WNBmig3"
                + "VSB6k0kaw2Xe6/zAeIgjzVm2WX7DiLr0EhiklqfdHHrXgwmVTs/ehXXsHNp67D6nnqdgAQGPhoIUEWGKe8Q1ojVL+cgrbJYx"
                + "FxW8usr8yfMur/fyOY8R7zb3156RvfLno6xmPc0jo5clI1MUSRF+1w+krS9y8Mk9h5CwJdgWX8yRVHPYvMfM9UzaAfeZd68O"
                + "VfNjFWSuNU51sCwS8SySC0a+kyPxvExG2OQTQc/LKDTOy4ZKdUdRm3rZMom18WAFlAa24rMRKyfsaR8QJo+o6yrfhF2NH8pX"
                + "5wIDAQAB",
            "Ubxo1WH3lxHWclSXOQZLeple5+ZenJAEDN80TylvC9p+XT4voBHCJNcu3kG8m66s0YPaLxYGlEJMxw0ch1ZI6pehoXKgP7pV"
                + "FfIuuFDJwF/ZTbb6V4llDisS+s3uFShwq6F4HXAH01S8XfmfSrX/4N2R4/6lXiIco6Ut3yXL4/YOYBMDT7s6rBB4rFb7HQwt"
                + "l12cMlKsTC+0ORQGcdJViQRRh1WkqWaUYzKOrvUJ7GPiVW8eCjgmeLVU+5V4RSJuvFh/s5tMelMBYL6U70K9l5JrdAJlfiGW"
                + "JF9W0KAh4oE9BLj6vV1Tn9uf7r9Xz3+yqd4gB1Js+BIiE5fMt1Oypw=="},
    };

    /** Held open for the life of the process, so that the shared directory stays cached. */
    private static volatile JarFile jar;

    private ClassPathPrefetch() {
    }

    /** Starts the prefetch; only the security part when the class path is not one jar (tests, IDEs). */
    static void start(String classPath) {
        boolean oneJar = classPath != null && !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar");
        new Worker(oneJar ? new File(classPath) : null).start();
    }

    /** A class of its own rather than a lambda: the first lambda of a process costs the starting thread. */
    private static final class Worker extends Thread {
        private final File jarFile;

        Worker(File jarFile) {
            super("gctls-prefetch");
            this.jarFile = jarFile;
            setDaemon(true);
        }

        @Override
        public void run() {
            if (jarFile != null) {
                open(jarFile);
            }
            security();
        }
    }

    private static void open(File file) {
        try {
            jar = new JarFile(file, true, ZipFile.OPEN_READ, Runtime.version());
        } catch (IOException | RuntimeException e) {
            // only a head start: the class loader opens the jar itself when it needs it
        }
    }

    private static void security() {
        try {
            java.util.logging.LogManager.getLogManager();
            CertificateFactory.getInstance("X.509");
            KeyFactory.getInstance("RSA");
            KeyFactory.getInstance("EC");
        } catch (GeneralSecurityException | RuntimeException e) {
            // only a head start: whoever needs one of these gets the real error then
        }
        verifySignatures();
    }

    /** How many of the {@link #SIGNATURES} verified (all of them, unless the JDK lacks an algorithm). */
    static int verifySignatures() {
        int verified = 0;
        for (String[] sample : SIGNATURES) {
            try {
                Base64.Decoder base64 = Base64.getDecoder();
                PublicKey key = KeyFactory.getInstance(sample[0]).generatePublic(
                        new X509EncodedKeySpec(base64.decode(sample[2])));
                Signature signature = Signature.getInstance(sample[1]);
                signature.initVerify(key);
                signature.update("gctls".getBytes(StandardCharsets.US_ASCII));
                verified += signature.verify(base64.decode(sample[3])) ? 1 : 0;
            } catch (GeneralSecurityException | RuntimeException e) {
                // only a head start
            }
        }
        return verified;
    }
}
