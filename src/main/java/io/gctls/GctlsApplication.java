package io.gctls;

import io.gctls.core.DebugLogging;
import io.gctls.core.GctlsException;
import io.gctls.shell.GctlsShell;
import io.gctls.shell.LaunchOptions;
import java.util.logging.Level;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * gctls: an interactive shell for Genesys Cloud custom-domain TLS certificates.
 *
 * <p>No auto-configuration and a component scan limited to the shell package keep one-shot
 * start-up short (SPEC §9); domain packages are plain Java wired by configuration classes.
 */
@SpringBootConfiguration
@ComponentScan(basePackages = "io.gctls.shell")
public class GctlsApplication {

    public static void main(String[] args) {
        int code = run(args);
        // Vert.x threads are not daemons: exit explicitly once the context is closed
        System.exit(code);
    }

    public static int run(String[] args) {
        quietLibraries();
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (GctlsException e) {
            System.err.println("error: " + e.getMessage());
            return e.exitCode().code();
        }
        if (options.settings().debug()) {
            DebugLogging.enable();
        }
        try (ConfigurableApplicationContext context = application().run()) {
            return context.getBean(GctlsShell.class).launch(options);
        }
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(GctlsApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLazyInitialization(true);
        application.setRegisterShutdownHook(true);
        return application;
    }

    private static void quietLibraries() {
        // Logback configures itself from logback.xml; Spring Boot's logging system would only add start-up time
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        // JLine warns on stdout (through JUL) when there is no TTY; that would corrupt piped output
        java.util.logging.Logger.getLogger("org.jline").setLevel(Level.OFF);
    }
}
