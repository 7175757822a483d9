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
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * The shell's own commands: help, script, history, clear, exit, version. They look the shell up
 * lazily because the shell in turn is built from every command.
 */
public final class BuiltinCommands {

    static final String GROUP = "Built-in";

    /** Words the prompt takes for a command: {@code help quit} shows {@code exit}. */
    static final Map<String, String> ALIASES = Map.of("quit", "exit");

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
        public Completion argumentCompletion() {
            return Completion.COMMANDS;
        }

        /** One line of the command list, for {@code help --output json}. */
        public record CommandSummary(String name, String group, String description) {
        }

        public record CommandList(List<CommandSummary> commands) {
        }

        @Override
        public Outcome run(Invocation invocation) {
            GctlsShell gctls = shell.get();
            if (invocation.arguments().isEmpty()) {
                if (invocation.out().json()) {
                    return Outcome.of(new CommandList(summaries(gctls.commands())), (r, o) -> { });
                }
                invocation.out().println(HelpText.overview(gctls.commands()));
                return Outcome.done();
            }
            String asked = String.join(" ", invocation.arguments());
            String name = ALIASES.getOrDefault(asked, asked);
            Optional<GctlsCommand> command = gctls.parser().find(name);
            if (command.isPresent()) {
                invocation.out().withFormat(OutputFormat.TEXT).println(HelpText.forCommand(command.get()));
                return Outcome.done();
            }
            List<GctlsCommand> family = gctls.commands().stream().filter(c -> c.getName().startsWith(name + " "))
                    .toList();
            if (!family.isEmpty()) {
                if (invocation.out().json()) {
                    return Outcome.of(new CommandList(summaries(family)), (r, o) -> { });
                }
                invocation.out().println(HelpText.family(name, family));
                return Outcome.done();
            }
            Optional<String> meant = Suggestions.nearest(name, gctls.commands().stream().map(GctlsCommand::getName)
                    .toList());
            throw GctlsException.usage("no command " + io.gctls.core.Quote.of(asked) + meant.map(m ->
                    "; did you mean '" + m + "'?").orElse("") + " (try: help)");
        }

        private static List<CommandSummary> summaries(java.util.Collection<GctlsCommand> commands) {
            return commands.stream().filter(c -> !c.isHidden())
                    .sorted(java.util.Comparator.comparing(GctlsCommand::getName))
                    .map(c -> new CommandSummary(c.getName(), c.getGroup(), c.getDescription())).toList();
        }
    }

    static final class Script extends GctlsCommand {
        static final Opt<java.nio.file.Path> FILE = OptionSpec.file("file", "the command file to run").shortName('f')
                .mandatory();

        private final Supplier<GctlsShell> shell;

        Script(Supplier<GctlsShell> shell) {
            super("script", GROUP, "Run a command file: one command per line, # comments, stops at the first failure",
                    List.of("script --file scripts/deploy-example.gctls", "gctls @scripts/deploy-example.gctls"),
                    FILE);
            this.shell = shell;
        }

        @Override
        public Outcome run(Invocation invocation) {
            ExitCode code = shell.get().runScript(invocation.get(FILE), invocation.out(),
                    invocation.prompter());
            return Outcome.done(code);
        }
    }

    static final class HistoryCommand extends GctlsCommand {
        static final Opt<Integer> LAST = OptionSpec.integer("last", "N", null, "show only the last N entries")
                .atLeast(0);

        private final Supplier<GctlsShell> shell;

        /** What {@code history} reports. */
        public record History(List<String> history) {
        }

        HistoryCommand(Supplier<GctlsShell> shell) {
            super("history", GROUP, "Show the commands typed at the prompt (lines with secrets are never kept)",
                    List.of("history", "history --last 20"),
                    LAST);
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
            int last = invocation.optional(LAST).orElse(lines.size());
            List<String> shown = lines.subList(Math.max(0, lines.size() - last), lines.size());
            return Outcome.of(new History(shown), (r, out) -> r.history().forEach(out::println));
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

    /** What {@code version} reports. */
    public record VersionInfo(String version, String java) {
    }

    static final class Version extends GctlsCommand {
        private final String version;

        Version(String version) {
            super("version", GROUP, "Show the gctls version", List.of("version"));
            this.version = version;
        }

        @Override
        public Outcome run(Invocation invocation) {
            VersionInfo info = new VersionInfo(version, System.getProperty("java.version"));
            return Outcome.of(info, (r, out) -> out.println("gctls " + r.version() + " (Java " + r.java() + ")"));
        }
    }
}
