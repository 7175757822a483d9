package io.gctls.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.testing.RecordingProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitNoticeTest {

    @Test
    void aPauseCountsDownInWholeSecondsAndSaysWhatComesAfterIt() {
        WaitNotice pause = WaitNotice.pause("www.example.com not listed yet", "GET /api/v2/customdomains again",
                Duration.ofMillis(3_500), "(lookup 3)");
        assertThat(pause.isPause()).isTrue();
        assertThat(pause.describe()).isEqualTo(
                "www.example.com not listed yet: GET /api/v2/customdomains again in 4 s (lookup 3)");
        assertThat(pause.describe(Duration.ofMillis(1_200))).isEqualTo(
                "www.example.com not listed yet: GET /api/v2/customdomains again in 2 s (lookup 3)");
        assertThat(WaitNotice.pause("audit tail", "next poll", Duration.ofSeconds(5), "").describe())
                .isEqualTo("audit tail: next poll in 5 s");
    }

    @Test
    void onlyPausesOverASecondAreTold() {
        RecordingProgress terminal = new RecordingProgress();
        Progress.pausing(terminal, "why", "next", Duration.ofSeconds(1), "");
        Progress.pausing(terminal, "why", "next", Duration.ofMillis(1_001), "");
        assertThat(terminal.waits()).extracting(WaitNotice::delay).containsExactly(Duration.ofMillis(1_001));
        // a plain listener (a log, a test) gets a line, and only for pauses of 2 s or more, like retries
        List<String> plain = new ArrayList<>();
        Progress.pausing(plain::add, "why", "next", Duration.ofMillis(1_500), "");
        Progress.pausing(plain::add, "why", "next", Duration.ofSeconds(2), "");
        assertThat(plain).containsExactly("why: next in 2 s");
    }
}
