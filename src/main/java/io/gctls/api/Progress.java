package io.gctls.api;

import java.util.function.Consumer;

/**
 * Where a command's progress goes: text notes, and waits that a terminal can count down. Every
 * API call takes a {@code Consumer<String>}; passing a {@code Progress} there also gets the waits
 * as {@link WaitNotice}s, while a plain consumer gets them as one line of text.
 */
@FunctionalInterface
public interface Progress extends Consumer<String> {

    default void waiting(WaitNotice notice) {
        accept(notice.describe());
    }

    /** Tells {@code progress} about a wait, structured when it can take it. */
    static void waiting(Consumer<String> progress, WaitNotice notice) {
        if (progress instanceof Progress structured) {
            structured.waiting(notice);
        } else {
            progress.accept(notice.describe());
        }
    }
}
