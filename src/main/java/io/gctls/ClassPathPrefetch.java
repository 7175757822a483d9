package io.gctls;

import java.io.File;
import java.io.IOException;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

/**
 * Opens the launcher's jar on another thread while the shell is being built. Most commands make
 * the JDK look a service up on the whole class path (parsing a certificate does, for the JDK's
 * security event logging; so does starting the logging), which opens the jar and reads its
 * directory of 35,000 entries: about 20 ms on the main thread. The JDK shares one copy of a jar's
 * directory between everyone who has it open, so the jar opened here is kept open and the class
 * loader's own open then finds the directory read. Nothing else is done here: no class of the
 * application or of logging is initialised off the main thread.
 */
final class ClassPathPrefetch {

    /** Held open for the life of the process, so that the shared directory stays cached. */
    private static volatile JarFile jar;

    private ClassPathPrefetch() {
    }

    /** Starts the prefetch when the class path is one jar (the launcher's); tests and IDEs get nothing. */
    static void start(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return;
        }
        Thread thread = new Thread(() -> open(new File(classPath)), "gctls-prefetch");
        thread.setDaemon(true);
        thread.start();
    }

    private static void open(File file) {
        try {
            jar = new JarFile(file, true, ZipFile.OPEN_READ, Runtime.version());
        } catch (IOException | RuntimeException e) {
            // only a head start: the class loader opens the jar itself when it needs it
        }
    }
}
