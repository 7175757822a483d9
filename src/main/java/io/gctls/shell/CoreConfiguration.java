package io.gctls.shell;

import io.gctls.core.Environment;
import io.gctls.core.Metrics;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Session-wide services of the core package. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    public Metrics metrics() {
        return new Metrics();
    }

    /** The process environment; the test harness replaces it with a map it controls. */
    @Bean
    public Environment environment() {
        return Environment.system();
    }

    /** Wall-clock time for validity dates, token expiry and audit windows; tests pin or advance it. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
