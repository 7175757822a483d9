package io.gctls.shell;

import io.gctls.auth.ConnectionResolver;
import io.gctls.auth.Profile;
import io.gctls.auth.ProfileStore;
import io.gctls.core.Environment;
import io.gctls.core.XdgDirs;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the shell. Spring Shell's auto-configuration is not used: gctls takes its command model,
 * completion and JLine integration as a library and owns the runner (see {@link GctlsShell}).
 */
@Configuration(proxyBeanMethods = false)
public class ShellConfiguration {

    @Bean
    public XdgDirs xdgDirs() {
        return XdgDirs.fromEnvironment();
    }

    @Bean
    public GctlsShell gctlsShell(List<GctlsCommand> commands, ObjectProvider<GctlsShell> self,
            ObjectProvider<LaunchHook> hooks, XdgDirs dirs, ObjectProvider<ProfileStore> profiles,
            Environment environment) {
        List<GctlsCommand> all = new ArrayList<>(commands);
        all.addAll(BuiltinCommands.all(self, version()));
        return new GctlsShell(all, hooks.orderedStream().toList(), dirs,
                settings -> profileDefaults(settings, dirs, profiles, environment));
    }

    /** A profile's {@code output} becomes the session's format unless --output was given; no config file, no cost. */
    static SessionSettings profileDefaults(SessionSettings settings, XdgDirs dirs, ObjectProvider<ProfileStore> profiles,
            Environment environment) {
        if (settings.formatGiven() || !java.nio.file.Files.isRegularFile(dirs.configFile())) {
            return settings;
        }
        ProfileStore store = profiles.getObject();
        Optional<String> name = settings.profile().or(() -> environment.get(ConnectionResolver.PROFILE))
                .or(store::defaultName);
        return name.flatMap(store::find).flatMap(Profile::output).map(OutputFormat::parse)
                .map(settings::withDefaultFormat).orElse(settings);
    }

    static String version() {
        String version = ShellConfiguration.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
