package io.gctls.shell.command;

import io.gctls.core.Numbers;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxOptions;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import io.gctls.shell.SandboxView;
import java.time.Duration;
import java.util.List;

/** {@code sandbox start}: the built-in emulator on a loopback port, and the session logged in to it. */
public class SandboxStartCommand extends GctlsCommand {

    static final Opt<Integer> RATE = OptionSpec.of("rate", "N/min", "requests per minute per token before 429",
            "requests per minute such as 300 or 20/min", SandboxStartCommand::perMinute, n -> n + "/min")
            .defaultTo(SandboxOptions.DEFAULT_RATE_PER_MINUTE).atLeast(1);
    static final Opt<Duration> TOKEN_LIFETIME = OptionSpec.duration("token-lifetime",
            SandboxOptions.defaults().tokenLifetime(), "lifetime of issued tokens").atLeast(Duration.ofSeconds(1));
    static final Opt<Boolean> JWT = OptionSpec.flag("jwt", "issue JWT-shaped tokens with a scope claim");

    private final SandboxControl control;

    public SandboxStartCommand(SandboxControl control) {
        super("sandbox start", "Sandbox", "Start the built-in Genesys Cloud emulator and log in to it",
                List.of("sandbox start", "sandbox start --rate 20/min", "sandbox start --token-lifetime 2m --jwt"),
                RATE, TOKEN_LIFETIME, JWT);
        this.control = control;
    }

    @Override
    public Outcome run(Invocation invocation) {
        SandboxOptions options = SandboxOptions.defaults().ratePerMinute(invocation.get(RATE))
                .jwtTokens(invocation.get(JWT)).tokenLifetime(invocation.get(TOKEN_LIFETIME));
        boolean wasRunning = control.running().isPresent();
        Sandbox sandbox = control.start(options, invocation.cancellation(), invocation.progress());
        if (wasRunning) {
            sandbox.ratePerMinute(options.ratePerMinute());
            sandbox.jwtTokens(options.jwtTokens());
            sandbox.tokenLifetime(options.tokenLifetime());
        }
        return Outcome.of(SandboxView.report(sandbox), SandboxView::render);
    }

    private static Integer perMinute(String value) {
        return Numbers.parseInt(value.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\s*/\\s*min(ute)?$", ""));
    }
}
