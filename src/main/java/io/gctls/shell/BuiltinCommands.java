package io.gctls.shell;

import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * The shell's own commands: help, script, history, clear, exit, version. They look the shell up
 * lazily because the shell in turn is built from every command.
 */
public final class BuiltinCommands {

    static final String GROUP = "Built-in";

    private BuiltinCommands() {
    }

    public static List<GctlsCommand> all(Supplier<GctlsShell> shell, String version) {
        return List.of(new Help(shell), new Script(shell), new HistoryCommand(shell), new Clear(), new Exit(),
                new Version(version));
    }

    static final class Help extends GctlsCommand {
        private final Supplier<GctlsShell> shell;

        Help(Supplier<GctlsShell> shell) {
            super("help", GROUP, "List commands, or show one command's options and examples",
                    List.of("help", "help cert inspect"));
            this.shell = shell;
        }

        @Override
        public String argumentsSynopsis() {
            return "[COMMAND]";
        }

        @Override
        public Outcome run(Invocation invocation) {
            GctlsShell gctls = shell.get();
            if (invocation.arguments().isEmpty()) {
                if (invocation.out().json()) {
                    List<Map<String, String>> list = gctls.commands().stream()
                            .sorted(java.util.Comparator.comparing(GctlsCommand::getName))
                            .map(c -> Map.of("name", c.getName(), "group", c.getGroup(), "description",
                                    c.getDescription()))
                            .toList();
                    return Outcome.of(Map.of("commands", list), (r, o) -> { });
                }
                invocation.out().println(HelpText.overview(gctls.commands()));
                return Outcome.done();
            }
            String name = String.join(" ", invocation.arguments());
            GctlsCommand command = gctls.parser().find(name).orElseThrow(() -> GctlsException.usage(
                    "no command '" + name + "' (try: help)"));
            invocation.out().withFormat(OutputFormat.TEXT).println(HelpText.forCommand(command));
            return Outcome.done();
        }
    }

    static final class Script extends GctlsCommand {
        private final Supplier<GctlsShell> shell;

        Script(Supplier<GctlsShell> shell) {
            super("script", GROUP, "Run a command file: one command per line, # comments, stops at the first failure",
                    List.of("script --file scripts/deploy-example.gctls", "gctls @scripts/deploy-example.gctls"),
                    OptionSpec.file("file", "the command file to run").shortName('f').mandatory());
            this.shell = shell;
        }

        @Override
        public Outcome run(Invocation invocation) {
            ExitCode code = shell.get().runScript(invocation.requiredPath("file"), invocation.out(),
                    invocation.prompter());
            return Outcome.done(code);
        }
    }

    static final class HistoryCommand extends GctlsCommand {
        private final Supplier<GctlsShell> shell;

        HistoryCommand(Supplier<GctlsShell> shell) {
            super("history", GROUP, "Show the commands typed at the prompt (lines with secrets are never kept)",
                    List.of("history", "history --last 20"),
                    OptionSpec.value("last", "N", "show only the last N entries"));
            this.shell = shell;
        }

        @Override
        public Outcome run(Invocation invocation) throws IOException {
            GctlsShell gctls = shell.get();
            List<String> lines = new ArrayList<>();
            if (gctls.history().isPresent()) {
                gctls.history().get().forEach(entry -> lines.add(entry.line()));
            } else {
                lines.addAll(readHistoryFile(gctls));
            }
            int last = invocation.integer("last", lines.size());
            List<String> shown = lines.subList(Math.max(0, lines.size() - Math.max(0, last)), lines.size());
            return Outcome.of(Map.of("history", shown), (r, out) -> shown.forEach(out::println));
        }

        private static List<String> readHistoryFile(GctlsShell gctls) throws IOException {
            try {
                // JLine stores "epochMillis:line" with backslash escapes; show only the line
                return Files.readAllLines(gctls.historyFile(), StandardCharsets.UTF_8).stream()
                        .map(l -> l.replaceFirst("^\\d+:", "").replace("\\n", "\n").replace("\\\\", "\\"))
                        .collect(Collectors.toList());
            } catch (NoSuchFileException e) {
                return List.of();
            }
        }
    }

    static final class Clear extends GctlsCommand {
        Clear() {
            super("clear", GROUP, "Clear the screen", List.of("clear"));
        }

        @Override
        public Outcome run(Invocation invocation) {
            if (invocation.out().style().colour()) {
                invocation.out().out().print("\033[H\033[2J");
            }
            return Outcome.done();
        }
    }

    static final class Exit extends GctlsCommand {
        Exit() {
            super("exit", GROUP, "Leave the prompt (also: quit, Ctrl-D)", List.of("exit"));
        }

        @Override
        public Outcome run(Invocation invocation) {
            return Outcome.done(); // the prompt's loop intercepts 'exit'; elsewhere there is nothing to leave
        }
    }

    static final class Version extends GctlsCommand {
        private final String version;

        Version(String version) {
            super("version", GROUP, "Show the gctls version", List.of("version"));
            this.version = version;
        }

        @Override
        public Outcome run(Invocation invocation) {
            Map<String, String> info = Map.of("version", version, "java", System.getProperty("java.version"));
            return Outcome.of(info, (r, out) -> out.println("gctls " + version + " (Java "
                    + System.getProperty("java.version") + ")"));
        }
    }
}
