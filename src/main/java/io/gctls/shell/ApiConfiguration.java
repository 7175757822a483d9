package io.gctls.shell;

import io.gctls.api.ApiRuntime;
import io.gctls.auth.ApiSession;
import io.gctls.auth.ConnectionResolver;
import io.gctls.auth.ProfileStore;
import io.gctls.core.Environment;
import io.gctls.core.Metrics;
import io.gctls.core.XdgDirs;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the API side: the process's one Vert.x runtime (created on first use: the application
 * context is lazy, so {@code cert inspect} never starts Vert.x), profiles, and the session.
 */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean(destroyMethod = "close")
    public ApiRuntime apiRuntime(Clock clock) {
        return ApiRuntime.create(clock, "gctls/" + ShellConfiguration.version());
    }

    @Bean
    public ProfileStore profileStore(XdgDirs dirs) {
        return new ProfileStore(dirs.configFile(), dirs.state(), Path.of(System.getProperty("user.home")));
    }

    @Bean
    public ConnectionResolver connectionResolver(Environment environment, ProfileStore profiles) {
        return new ConnectionResolver(environment, profiles);
    }

    @Bean
    public ApiSession apiSession(ObjectProvider<ApiRuntime> runtime, ConnectionResolver resolver, XdgDirs dirs,
            Metrics metrics) {
        return new ApiSession(runtime::getObject, resolver, dirs.cache(), metrics);
    }
}
