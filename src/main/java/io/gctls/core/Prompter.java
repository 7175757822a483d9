package io.gctls.core;

import java.util.Optional;

/**
 * Asks the person at the prompt for something. One-shot and scripted runs get the
 * {@link #none()} prompter, which never blocks waiting for input.
 */
public interface Prompter {

    /** Reads a secret with masked echo; empty when nobody can be asked. Never stored in history. */
    Optional<char[]> askSecret(String prompt);

    boolean canAsk();

    static Prompter none() {
        return new Prompter() {
            @Override
            public Optional<char[]> askSecret(String prompt) {
                return Optional.empty();
            }

            @Override
            public boolean canAsk() {
                return false;
            }
        };
    }
}
