package io.gctls.cert;

import io.gctls.core.Environment;
import io.gctls.core.Prompter;
import io.gctls.core.Secrets;
import java.util.Optional;

/**
 * Where the password of an encrypted key comes from, in this order (docs/findings.md "Reading keys"): the
 * {@code --password-file} (its first line), the {@code GCTLS_KEY_PASSWORD} environment variable,
 * the masked prompt when someone can be asked (a terminal). Runs without a terminal cannot be asked
 * and never block. Every password obtained is registered with {@link Secrets}.
 */
final class PasswordSource {

    static final String ENVIRONMENT_VARIABLE = "GCTLS_KEY_PASSWORD";

    /** A password file holds one line; anything bigger was picked by mistake. */
    static final long MAX_FILE_BYTES = 64 * 1024;

    /** At the prompt a mistyped password may be retried; files and variables are tried once. */
    private static final int PROMPT_ATTEMPTS = 3;

    private final Optional<char[]> fromFile;
    private final Environment environment;
    private final Prompter prompter;
    private int asked;

    PasswordSource(Optional<char[]> fromFile, Environment environment, Prompter prompter) {
        this.fromFile = fromFile;
        this.environment = environment;
        this.prompter = prompter;
        fromFile.ifPresent(p -> Secrets.register(new String(p)));
    }

    /** The first line of a password file, without its line end. */
    static char[] firstLine(byte[] content) {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.toCharArray();
    }

    /** What to do when there is no password, for the encrypted-key message. */
    String howToGive() {
        if (fromFile.isPresent()) {
            return "the --password-file is empty";
        }
        return "give its password with --password-file or " + ENVIRONMENT_VARIABLE
                + (prompter.canAsk() ? "" : " (nobody can be asked in a one-shot or scripted run)");
    }

    /** Where the password would come from, for messages ("--password-file pw.txt"). */
    String origin() {
        if (fromFile.isPresent()) {
            return "the --password-file";
        }
        if (environment.raw(ENVIRONMENT_VARIABLE).isPresent()) {
            return ENVIRONMENT_VARIABLE;
        }
        return "the prompt";
    }

    /** The first password to try; empty when there is none and nobody can be asked. */
    Optional<char[]> first(String keyName) {
        if (fromFile.isPresent()) {
            return fromFile.filter(p -> p.length > 0).map(char[]::clone); // an empty file gives no password
        }
        Optional<String> variable = environment.raw(ENVIRONMENT_VARIABLE).filter(v -> !v.isEmpty());
        if (variable.isPresent()) {
            Secrets.register(variable.get());
            return Optional.of(variable.get().toCharArray());
        }
        return ask(keyName);
    }

    /** Another attempt after a wrong password: only at the prompt. */
    Optional<char[]> retry(String keyName) {
        if (fromFile.isPresent() || environment.raw(ENVIRONMENT_VARIABLE).filter(v -> !v.isEmpty()).isPresent()
                || asked >= PROMPT_ATTEMPTS) {
            return Optional.empty();
        }
        return ask(keyName);
    }

    private Optional<char[]> ask(String keyName) {
        if (!prompter.canAsk()) {
            return Optional.empty();
        }
        asked++;
        Optional<char[]> typed = prompter.askSecret("Password for " + keyName + ": ").filter(p -> p.length > 0);
        typed.ifPresent(p -> Secrets.register(new String(p)));
        return typed;
    }
}
