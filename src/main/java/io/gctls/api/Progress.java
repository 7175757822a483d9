package io.gctls.api;

import java.time.Duration;
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

    /**
     * Tells {@code progress} about a wait: every wait over a second when it takes notices (a
     * terminal counts them down), else as a line of text, and then only for waits of 2 s or more.
     */
    static void waiting(Consumer<String> progress, WaitNotice notice) {
        if (progress instanceof Progress structured) {
            structured.waiting(notice);
        } else if (notice.delay().compareTo(Duration.ofSeconds(2)) >= 0) {
            progress.accept(notice.describe());
        }
    }

    /**
     * Tells {@code progress} about a pause between the steps of a longer operation, when it is
     * over a second (shorter ones are not worth a line): see {@link WaitNotice#pause}.
     */
    static void pausing(Consumer<String> progress, String why, String next, Duration delay, String after) {
        if (delay.compareTo(Duration.ofSeconds(1)) > 0) {
            waiting(progress, WaitNotice.pause(why, next, delay, after));
        }
    }
}
