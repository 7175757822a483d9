package io.gctls.shell;

import io.gctls.core.Secrets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Knows which options carry secrets, so that lines using them are masked in echoes and kept out of history. */
final class SecretOptions {

    private final Set<String> names;
    private final Pattern valuePattern;

    SecretOptions(Collection<GctlsCommand> commands) {
        this.names = commands.stream().flatMap(GctlsCommand::secretOptions).map(OptionSpec::name)
                .collect(Collectors.toUnmodifiableSet());
        String alternatives = names.isEmpty() ? "(?!)" : names.stream().map(Pattern::quote)
                .collect(Collectors.joining("|"));
        // the declared secret options, and anything that looks like one: a mistyped --client-secrte
        // is refused by the parser, but its value is a secret all the same and must not be kept
        // (options ending in -file carry a path, not the secret itself)
        this.valuePattern = Pattern.compile("(--(?:" + alternatives
                + "|(?![\\w-]*-file(?:=|\\s|$))[\\w-]*(?:secret|secrte|passw|token)[\\w-]*)"
                + "(?:=|\\s+))(\"[^\"]*\"|'[^']*'|\\S+)", Pattern.CASE_INSENSITIVE);
    }

    /** True when the line uses a secret option or contains a secret this process knows. */
    boolean carriesSecret(String line) {
        return valuePattern.matcher(line).find() || !Secrets.redact(line).equals(line);
    }

    String mask(String line) {
        Matcher m = valuePattern.matcher(line);
        return Secrets.redact(m.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + Secrets.MASK)));
    }

    List<String> names() {
        return names.stream().sorted().toList();
    }
}
