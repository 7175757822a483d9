package io.gctls.shell;

import io.gctls.core.XdgDirs;
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
            ObjectProvider<LaunchHook> hooks, XdgDirs dirs) {
        List<GctlsCommand> all = new ArrayList<>(commands);
        all.addAll(BuiltinCommands.all(self, version()));
        return new GctlsShell(all, hooks.orderedStream().toList(), dirs);
    }

    static String version() {
        String version = ShellConfiguration.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
