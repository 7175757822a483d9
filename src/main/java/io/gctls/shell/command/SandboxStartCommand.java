package io.gctls.shell.command;

import io.gctls.core.GctlsException;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxOptions;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.SandboxControl;
import java.util.List;

/** {@code sandbox start}: the built-in emulator on a loopback port, and the session logged in to it. */
public class SandboxStartCommand extends GctlsCommand {

    private final SandboxControl control;

    public SandboxStartCommand(SandboxControl control) {
        super("sandbox start", "Sandbox", "Start the built-in Genesys Cloud emulator and log in to it",
                List.of("sandbox start", "sandbox start --rate 20/min", "sandbox start --token-lifetime 2m --jwt"),
                OptionSpec.value("rate", "N/min", "requests per minute per token before 429 (default 300)"),
                OptionSpec.value("token-lifetime", "DURATION", "lifetime of issued tokens (default 24h)"),
                OptionSpec.flag("jwt", "issue JWT-shaped tokens with a scope claim"));
        this.control = control;
    }

    @Override
    public Outcome run(Invocation invocation) {
        SandboxOptions options = SandboxOptions.defaults().ratePerMinute(rate(invocation))
                .jwtTokens(invocation.flag("jwt"));
        if (invocation.duration("token-lifetime").isPresent()) {
            options = options.tokenLifetime(invocation.duration("token-lifetime").get());
        }
        boolean wasRunning = control.running().isPresent();
        Sandbox sandbox = control.start(options, invocation.cancellation(), invocation.out()::note);
        if (wasRunning) {
            sandbox.ratePerMinute(options.ratePerMinute());
            sandbox.jwtTokens(options.jwtTokens());
            sandbox.tokenLifetime(options.tokenLifetime());
        }
        return Outcome.of(SandboxStatusCommand.report(sandbox), SandboxStatusCommand::render);
    }

    static int rate(Invocation invocation) {
        String value = invocation.string("rate").orElse(String.valueOf(SandboxOptions.DEFAULT_RATE_PER_MINUTE));
        String number = value.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\s*/\\s*min(ute)?$", "");
        try {
            int perMinute = Integer.parseInt(number.strip());
            if (perMinute < 1) {
                throw new NumberFormatException();
            }
            return perMinute;
        } catch (NumberFormatException e) {
            throw GctlsException.usage("--rate expects requests per minute such as 300 or 20/min, not '" + value + "'");
        }
    }
}
