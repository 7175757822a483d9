package io.gctls.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * gctls's logging, set up in code: Logback finds this class through {@code ServiceLoader} when the
 * first logger is asked for, so no XML is parsed. Logs go to stderr (stdout carries results), and
 * every message and stack trace passes through the secret redactor.
 *
 * <p>Only runs that log pay for this: {@code cert inspect} asks for no logger and never starts Logback.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogbackSetup extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n%redactedEx";

    /**
     * Vert.x and Netty log a reset or refused connection at ERROR; gctls reports every failure itself,
     * as one line with what to do, so their lines would only be noise (or a stack trace). JLine logs
     * through java.util.logging, which the shell silences; it is listed for a bridge that might route it
     * here. The embedded sandbox's WireMock and Jetty show only their own errors.
     */
    static final Map<String, Level> LEVELS = Map.of(
            "org.jline", Level.OFF,
            "io.vertx", Level.OFF,
            "io.netty", Level.OFF,
            "org.eclipse.jetty", Level.ERROR,
            "wiremock", Level.ERROR,
            "com.github.tomakehurst.wiremock", Level.ERROR,
            "io.gctls", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("msg", RedactingMessageConverter::new);
        layout.getInstanceConverterMap().put("redactedEx", RedactingThrowableConverter::new);
        layout.setPattern(PATTERN);
        layout.start();

        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
