package io.gctls.core;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** Logback's stack traces with every registered secret masked, as {@link RedactingMessageConverter} does for messages. */
public class RedactingThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return Secrets.redact(super.throwableProxyToString(throwable));
    }
}
