package io.gctls;

import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.cert.CertificateFactory;
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
 */
final class ClassPathPrefetch {

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
            Signature.getInstance("SHA256withRSA");
            Signature.getInstance("SHA256withECDSA");
        } catch (GeneralSecurityException | RuntimeException e) {
            // only a head start: whoever needs one of these gets the real error then
        }
    }
}
