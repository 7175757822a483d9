package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** Log lines and their stack traces never show a registered secret. */
class RedactingConvertersTest {

    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(String message, Throwable failure) {
        return new LoggingEvent("test", context.getLogger("io.gctls.test"), Level.ERROR, message, failure, null);
    }

    @Test
    void messagesAndStackTracesAreMasked() {
        Secrets.register("tok-logged-by-mistake");
        LoggingEvent event = event("token tok-logged-by-mistake rejected",
                new IllegalStateException("bearer tok-logged-by-mistake refused"));

        RedactingMessageConverter message = new RedactingMessageConverter();
        assertThat(message.convert(event)).isEqualTo("token **** rejected");

        RedactingThrowableConverter trace = new RedactingThrowableConverter();
        trace.setContext(context);
        trace.start();
        assertThat(trace.convert(event)).contains("IllegalStateException: bearer **** refused")
                .doesNotContain("tok-logged-by-mistake");
    }
}
