package io.gctls.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.core.command.completion.FileNameCompletionProvider;

/**
 * Base of every gctls command (one class per command, as in jbang's {@code cli/}). A command
 * declares its options, parses nothing itself, calls the domain and returns an {@link Outcome}.
 * The shell renders the outcome, maps exceptions to one line and an exit code, and owns
 * {@code --output}, {@code --debug} and {@code --strict}, which every command accepts.
 *
 * <p>It is a Spring Shell {@link AbstractCommand}, so the registry, Tab completion and the
 * highlighter see it like any other command.
 */
public abstract class GctlsCommand extends AbstractCommand {

    /** Options every command accepts. */
    public static final List<OptionSpec> COMMON_OPTIONS = List.of(
            OptionSpec.choice("output", List.of("text", "json"), "text for people, json for programs (default text)"),
            OptionSpec.flag("debug", "show stack traces and debug logging"),
            OptionSpec.flag("strict", "treat warnings as failures (exit 1)"),
            OptionSpec.flag("help", "show this help").shortName('h'));

    private final List<OptionSpec> optionSpecs;
    private final List<String> examples;

    protected GctlsCommand(String name, String group, String description, List<String> examples,
            OptionSpec... options) {
        super(name, description, group, "", false);
        List<OptionSpec> all = new ArrayList<>(List.of(options));
        all.addAll(COMMON_OPTIONS);
        this.optionSpecs = List.copyOf(all);
        this.examples = List.copyOf(examples);
        setOptions(optionSpecs.stream().map(GctlsCommand::toCommandOption).toList());
        setCompletionProvider(this::complete);
    }

    /** Runs the command. Throw {@link io.gctls.core.GctlsException} for a failure the user must see. */
    public abstract Outcome run(Invocation invocation) throws Exception;

    /** Positional arguments, for help: e.g. {@code ID} or {@code HOST[:PORT]}. Empty when none. */
    public String argumentsSynopsis() {
        return "";
    }

    /** What Tab offers for the command's positional argument (see {@link Completion}). */
    public Completion argumentCompletion() {
        return Completion.NONE;
    }

    public List<OptionSpec> optionSpecs() {
        return optionSpecs;
    }

    public java.util.Optional<OptionSpec> optionSpec(String name) {
        return optionSpecs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> examples() {
        return examples;
    }

    @Override
    public String getHelp() {
        return HelpText.forCommand(this);
    }

    /**
     * Spring Shell's own way to run a command, which gctls never takes: its runner ({@link GctlsShell},
     * {@link CommandRunner}) calls {@link #run} with the session, the prompter and Ctrl-C, and owns exit
     * codes. Spring Shell's registry and completer only read the command's name and options.
     */
    @Override
    public ExitStatus doExecute(CommandContext context) {
        throw new UnsupportedOperationException("gctls runs '" + getName() + "' through its own runner (GctlsShell)");
    }

    private List<CompletionProposal> complete(org.springframework.shell.core.command.completion.CompletionContext c) {
        CommandOption option = c.getCommandOption();
        if (option == null) {
            return Collections.emptyList();
        }
        OptionSpec spec = optionSpecs.stream().filter(s -> s.name().equals(option.longName())).findFirst()
                .orElse(null);
        if (spec == null) {
            return Collections.emptyList();
        }
        return switch (spec.kind()) {
            case FILE -> completeFile(c);
            case CHOICE -> spec.choices().stream().map(CompletionProposal::new).toList();
            default -> Collections.emptyList();
        };
    }

    private static List<CompletionProposal> completeFile(
            org.springframework.shell.core.command.completion.CompletionContext c) {
        try {
            return new FileNameCompletionProvider().apply(c);
        } catch (RuntimeException e) {
            return Collections.emptyList(); // an unreadable folder offers nothing rather than breaking the prompt
        }
    }

    private static CommandOption toCommandOption(OptionSpec spec) {
        Class<?> type = spec.kind() == OptionSpec.Kind.FLAG ? boolean.class : String.class;
        return CommandOption.with()
                .longName(spec.name())
                .shortName(spec.shortName())
                .description(spec.description())
                .required(spec.required())
                .defaultValue(spec.defaultValue())
                .type(type)
                .build();
    }

    public static Stream<OptionSpec> secretOptions(GctlsCommand command) {
        return command.optionSpecs.stream().filter(OptionSpec::secret);
    }
}
