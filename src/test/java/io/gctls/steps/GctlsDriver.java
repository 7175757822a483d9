package io.gctls.steps;

import io.gctls.shell.CommandLineParser;
import io.gctls.shell.GctlsShell;
import io.gctls.shell.LaunchOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs gctls in-process the three ways users do: one-shot ({@code gctls cert inspect ...}), from
 * a command file ({@code gctls @file}), and at the prompt (lines typed into a JLine terminal on
 * in-memory streams). Each run goes through the same {@link GctlsShell} entry points as {@code main}.
 */
public class GctlsDriver {

    private final GctlsShell shell;

    public GctlsDriver(GctlsShell shell) {
        this.shell = shell;
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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            code = shell.launch(LaunchOptions.parse(args.toArray(String[]::new)), out, err, false);
        } catch (io.gctls.core.GctlsException e) {
            err.write("error: " + e.getMessage() + "\n");
            code = e.exitCode().code();
        }
        return new RunResult(code, out.toString(), err.toString());
    }

    /** Types the given lines at the prompt (then end of input) and returns the terminal transcript. */
    public RunResult prompt(String typed, String... launchArgs) {
        LaunchOptions options = LaunchOptions.parse(launchArgs);
        ByteArrayInputStream in = new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = shell.interactive(options.settings(), in, out, false);
        return new RunResult(code, out.toString(StandardCharsets.UTF_8), "");
    }
}
