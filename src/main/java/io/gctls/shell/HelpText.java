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
        page.append("Usage:\n  ").append(command.getName());
        if (!command.argumentsSynopsis().isEmpty()) {
            page.append(' ').append(command.argumentsSynopsis());
        }
        for (OptionSpec spec : command.optionSpecs()) {
            if (!GctlsCommand.COMMON_OPTIONS.contains(spec)) {
                page.append(' ').append(spec.synopsis());
            }
        }
        page.append("\n\nOptions:\n");
        int width = command.optionSpecs().stream().mapToInt(s -> optionColumn(s).length()).max().orElse(10);
        for (OptionSpec spec : command.optionSpecs()) {
            page.append("  ").append(pad(optionColumn(spec), width)).append("  ").append(spec.description());
            if (!spec.defaultValue().isEmpty()) {
                page.append(" (default ").append(spec.defaultValue()).append(')');
            }
            if (spec.required()) {
                page.append(" (required)");
            }
            page.append('\n');
        }
        if (!command.examples().isEmpty()) {
            page.append("\nExamples:\n");
            command.examples().forEach(example -> page.append("  ").append(example).append('\n'));
        }
        return page.toString().stripTrailing();
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
