package io.gctls.shell;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Help pages: the command list grouped as in the README, and one page per command with examples. */
public final class HelpText {

    private HelpText() {
    }

    public static String forCommand(GctlsCommand command) {
        StringBuilder page = new StringBuilder();
        page.append(command.getName()).append(" - ").append(command.getDescription()).append("\n\n");
        page.append("Usage:\n  ").append(synopsis(command));
        page.append("\n\nOptions:\n");
        List<OptionSpec> own = own(command);
        int width = own.stream().mapToInt(s -> optionColumn(s).length()).max().orElse(10);
        for (OptionSpec spec : own) {
            page.append("  ").append(pad(optionColumn(spec), width)).append("  ").append(describe(spec)).append('\n');
        }
        if (takesConnectionOptions(command)) {
            page.append("\nConnection (flags beat environment beat profile; also before the command):\n  ")
                    .append(ConnectionOptions.ALL.stream().map(o -> "--" + o.name() + " " + o.valueName())
                            .collect(Collectors.joining("  "))).append('\n');
        }
        page.append("\nEvery command also takes --output text|json, --debug, --strict and --help.\n");
        if (!command.examples().isEmpty()) {
            page.append("\nExamples:\n");
            command.examples().forEach(example -> page.append("  ").append(example).append('\n'));
        }
        return page.toString().stripTrailing();
    }

    /** {@code deploy --domain NAME --cert FILE ... [CONNECTION OPTIONS]}. */
    static String synopsis(GctlsCommand command) {
        StringBuilder line = new StringBuilder(command.getName());
        if (!command.argumentsSynopsis().isEmpty()) {
            line.append(' ').append(command.argumentsSynopsis());
        }
        own(command).forEach(spec -> line.append(' ').append(spec.synopsis()));
        if (takesConnectionOptions(command)) {
            line.append(" [CONNECTION OPTIONS]");
        }
        return line.toString();
    }

    /**
     * docs/commands.md's reference part, from the same declarations as the help pages: every
     * command with its usage, options, defaults and examples, grouped as {@code help} lists them.
     */
    public static String markdown(Collection<GctlsCommand> commands) {
        StringBuilder doc = new StringBuilder();
        groups(commands).forEach((group, members) -> {
            doc.append("## ").append(group).append("\n\n");
            for (GctlsCommand command : members) {
                doc.append("### `").append(command.getName()).append("`\n\n");
                doc.append(command.getDescription()).append(".\n\n");
                doc.append("```text\n").append(synopsis(command)).append("\n```\n\n");
                List<OptionSpec> own = own(command);
                if (!own.isEmpty()) {
                    doc.append("| option | what it is |\n|---|---|\n");
                    for (OptionSpec spec : own) {
                        doc.append("| `").append(optionColumn(spec).replace("|", "\\|")).append("` | ")
                                .append(describe(spec).replace("|", "\\|")).append(" |\n");
                    }
                    doc.append('\n');
                }
                if (takesConnectionOptions(command)) {
                    doc.append("Takes the connection options (see above).\n\n");
                }
                if (!command.examples().isEmpty()) {
                    doc.append("```text\n");
                    command.examples().forEach(e -> doc.append(e).append('\n'));
                    doc.append("```\n\n");
                }
            }
        });
        return doc.toString().stripTrailing() + "\n";
    }

    /** The command's own options: not the ones every command takes, not the connection options. */
    private static List<OptionSpec> own(GctlsCommand command) {
        return command.optionSpecs().stream().filter(s -> !GctlsCommand.COMMON_OPTIONS.contains(s))
                .filter(s -> !ConnectionOptions.ALL.contains(s)).toList();
    }

    private static boolean takesConnectionOptions(GctlsCommand command) {
        return command.optionSpecs().containsAll(ConnectionOptions.ALL);
    }

    private static String describe(OptionSpec spec) {
        return spec.description() + (spec.rules().isEmpty() ? "" : " (" + String.join(", ", spec.rules()) + ")")
                + (spec.defaultValue().isEmpty() ? "" : " (default " + spec.defaultValue() + ")")
                + (spec.required() ? " (required)" : "");
    }

    private static Map<String, List<GctlsCommand>> groups(Collection<GctlsCommand> commands) {
        Map<String, List<GctlsCommand>> groups = new TreeMap<>();
        commands.stream().filter(c -> !c.isHidden()).sorted(Comparator.comparing(GctlsCommand::getName))
                .forEach(c -> groups.computeIfAbsent(c.getGroup(), g -> new java.util.ArrayList<>()).add(c));
        return groups;
    }

    /** {@code help sandbox}: the commands of one family, one line each. */
    public static String family(String name, Collection<GctlsCommand> members) {
        int width = members.stream().mapToInt(c -> c.getName().length()).max().orElse(10);
        StringBuilder page = new StringBuilder(name + " - " + members.size() + " commands (help COMMAND for one)\n");
        members.stream().sorted(Comparator.comparing(GctlsCommand::getName)).forEach(c -> page.append("  ")
                .append(pad(c.getName(), width)).append("  ").append(c.getDescription()).append('\n'));
        return page.toString().stripTrailing();
    }

    public static String overview(Collection<GctlsCommand> commands) {
        Map<String, List<GctlsCommand>> groups = new TreeMap<>(commands.stream()
                .filter(c -> !c.isHidden())
                .collect(Collectors.groupingBy(GctlsCommand::getGroup)));
        int width = commands.stream().mapToInt(c -> c.getName().length()).max().orElse(10);
        StringBuilder page = new StringBuilder("gctls - custom-domain TLS certificates for Genesys Cloud\n");
        groups.forEach((group, members) -> {
            page.append('\n').append(group).append(":\n");
            members.stream().sorted(Comparator.comparing(GctlsCommand::getName)).forEach(c -> page.append("  ")
                    .append(pad(c.getName(), width)).append("  ").append(c.getDescription()).append('\n'));
        });
        page.append("\nEvery command takes --output text|json, --debug, --strict and --help.")
                .append("\nOne-shot: gctls <command> [options]   Command file: gctls @FILE   Prompt: gctls");
        return page.toString();
    }

    private static String optionColumn(OptionSpec spec) {
        String shortPart = spec.shortName() == ' ' ? "" : "-" + spec.shortName() + ", ";
        return shortPart + "--" + spec.name() + (spec.takesValue() ? " " + spec.valueName() : "");
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
