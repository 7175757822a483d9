package io.gctls.shell;

import io.gctls.cert.CertInspector;
import io.gctls.core.Environment;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cert package's services. One inspector serves {@code cert inspect} and the payload builder. */
@Configuration(proxyBeanMethods = false)
public class CertConfiguration {

    @Bean
    public CertInspector certInspector(Clock clock, Environment environment) {
        return new CertInspector(clock, environment);
    }
}
