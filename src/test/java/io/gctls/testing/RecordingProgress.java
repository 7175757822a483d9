package io.gctls.testing;

import io.gctls.api.Progress;
import io.gctls.api.WaitNotice;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Progress as a terminal gets it: notes as lines, waits as notices (which the shell counts down and
 * shows nowhere else). Tests check that every wait over a second is a notice, not a line.
 */
public final class RecordingProgress implements Progress {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<WaitNotice> waits = new CopyOnWriteArrayList<>();

    @Override
    public void accept(String line) {
        lines.add(line);
    }

    @Override
    public void waiting(WaitNotice notice) {
        waits.add(notice);
    }

    public List<String> lines() {
        return lines;
    }

    public List<WaitNotice> waits() {
        return waits;
    }

    /** The waits of {@code waiter} that a terminal should have counted down: those over a second. */
    public static List<Duration> overASecond(RecordingWaiter waiter) {
        return waiter.waits().stream().filter(d -> d.compareTo(Duration.ofSeconds(1)) > 0).toList();
    }
}
