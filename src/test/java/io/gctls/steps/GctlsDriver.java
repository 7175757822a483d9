package io.gctls.steps;

import io.gctls.api.ApiRuntime;
import io.gctls.auth.ApiSession;
import io.gctls.core.Metrics;
import io.gctls.shell.CommandLineParser;
import io.gctls.shell.GctlsShell;
import io.gctls.shell.LaunchOptions;
import io.gctls.shell.PayloadFactory;
import io.gctls.shell.SandboxControl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs gctls in-process the three ways users do: one-shot ({@code gctls cert inspect ...}), from
 * a command file ({@code gctls @file}), and at the prompt (lines typed into a JLine terminal on
 * in-memory streams). Each run goes through the same {@link GctlsShell} entry points as {@code main},
 * and starts like a new process: no session, no sandbox, no metrics carried over from the last run
 * (the on-disk token cache does carry over, as it does between real runs).
 */
public class GctlsDriver {

    private final GctlsShell shell;
    private final ApiSession session;
    private final Metrics metrics;
    private final SandboxControl sandbox;
    private final ApiRuntime runtime;
    private final PayloadFactory payloads;

    public GctlsDriver(GctlsShell shell, ApiSession session, Metrics metrics, SandboxControl sandbox,
            ApiRuntime runtime, PayloadFactory payloads) {
        this.shell = shell;
        this.session = session;
        this.metrics = metrics;
        this.sandbox = sandbox;
        this.runtime = runtime;
        this.payloads = payloads;
    }

    /** {@code line} is what a user would type in bash, starting with {@code gctls}. */
    public RunResult oneShot(String line) {
        List<String> words = new ArrayList<>(CommandLineParser.words(line));
        if (!words.isEmpty() && words.get(0).equals("gctls")) {
            words.remove(0);
        }
        return oneShot(words);
    }

    public RunResult oneShot(List<String> args) {
        newProcess();
        return run(args, true);
    }

    /**
     * Runs a command line in the session the previous run left (its connection, token, metrics),
     * as the next line typed at the same prompt would; time can pass in between.
     */
    public RunResult sameSession(String line) {
        List<String> words = new ArrayList<>(CommandLineParser.words(line));
        if (!words.isEmpty() && words.get(0).equals("gctls")) {
            words.remove(0);
        }
        return run(words, false);
    }

    private RunResult run(List<String> args, boolean stopSandboxAfter) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            code = shell.launch(LaunchOptions.parse(args.toArray(String[]::new)), out, err, false);
        } catch (io.gctls.core.GctlsException e) {
            err.write("error: " + e.getMessage() + "\n");
            code = e.exitCode().code();
        } finally {
            if (stopSandboxAfter) {
                sandbox.stop();
            }
        }
        return new RunResult(code, out.toString(), err.toString());
    }

    /** Types the given lines at the prompt (then end of input) and returns the terminal transcript. */
    public RunResult prompt(String typed, String... launchArgs) {
        LaunchOptions options = LaunchOptions.parse(launchArgs);
        ByteArrayInputStream in = new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        newProcess();
        try {
            int code = shell.interactive(options.settings(), in, out, false);
            return new RunResult(code, out.toString(StandardCharsets.UTF_8), "");
        } finally {
            sandbox.stop();
        }
    }

    private void newProcess() {
        session.reset();
        metrics.reset();
        runtime.circuits().resetAll();
        payloads.forget();
    }
}
