package io.gctls.shell;

import io.gctls.core.Metrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Session-wide services of the core package. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    public Metrics metrics() {
        return new Metrics();
    }
}
