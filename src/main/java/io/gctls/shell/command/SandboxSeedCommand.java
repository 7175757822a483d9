package io.gctls.shell.command;

import io.gctls.core.GctlsException;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SeedResult;
import io.gctls.shell.CompletionCache;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.SandboxControl;
import io.gctls.shell.Views;
import io.gctls.core.Numbers;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code sandbox seed N [--expiring K] [--out D]}: N test domains deployed in the sandbox (K close
 * to expiry) and a folder of new bundles for them, so that {@code domains status} and
 * {@code rotate} have a fleet to work on at once.
 */
public class SandboxSeedCommand extends GctlsCommand {

    static final Opt<Integer> EXPIRING = OptionSpec.integer("expiring", "K", 0,
            "how many of them have certificates that expire within days").atLeast(0);
    static final Opt<Path> OUT = OptionSpec.file("out", "write the new bundles into this new (or empty) folder "
            + "(default: ./gctls-fleet)");

    private final SandboxControl control;
    private final Supplier<CompletionCache> completions;

    /** @param completions where Tab finds the seeded domains (it sends nothing to any API) */
    public SandboxSeedCommand(SandboxControl control, Supplier<CompletionCache> completions) {
        super("sandbox seed", "Sandbox", "Deploy N test domains in the sandbox and write a folder of new bundles for them",
                List.of("sandbox seed 50 --expiring 3", "sandbox seed 200 --out /tmp/fleet"),
                EXPIRING, OUT);
        this.control = control;
        this.completions = completions;
    }

    @Override
    public String argumentsSynopsis() {
        return "N";
    }

    @Override
    public Outcome run(Invocation invocation) {
        Sandbox sandbox = control.require();
        String raw = invocation.requiredArgument(0, "N, how many domains (e.g. sandbox seed 50)");
        int count;
        try {
            count = Numbers.parseInt(raw);
        } catch (IllegalArgumentException e) {
            throw GctlsException.usage("sandbox seed needs a whole number of domains, not " + io.gctls.core.Quote.of(raw));
        }
        Path out = invocation.optional(OUT).orElse(Path.of("gctls-fleet"));
        SeedResult seed;
        try {
            seed = sandbox.seed(count, invocation.get(EXPIRING), out);
        } catch (IllegalArgumentException e) {
            throw GctlsException.usage("sandbox seed: " + e.getMessage());
        }
        completions.get().remember(seed.domains().stream().flatMap(name -> sandbox.domain(name).stream())
                .map(d -> new CompletionCache.Entry(d.id(), d.domain())).toList());
        return Outcome.of(seed, SandboxSeedCommand::render);
    }

    static void render(SeedResult seed, Output out) {
        out.println("seeded " + Views.plural(seed.domains().size(), "domain") + " (" + seed.domains().get(0) + " to "
                + seed.domains().get(seed.domains().size() - 1) + "), " + seed.expiring().size()
                + " expiring within days");
        Views.field(out, "new bundles", seed.folder() + "/<domain>/{cert,key,chain}.pem");
        Views.field(out, "their root", seed.trust().toString());
        Views.field(out, "next", "domains status --probe; rotate plan --dir " + seed.folder() + "; rotate apply --dir "
                + seed.folder());
    }
}
