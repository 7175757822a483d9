package io.gctls.cert;

import java.util.ArrayList;
import java.util.List;

/**
 * What one inspection fetched, in order: shown with the report so that a slow or failing step is
 * visible, and so that {@code --offline} can say once what it left out.
 */
final class NetworkLog {

    private final List<NetworkReport.Fetch> fetches = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    void add(String url, String purpose, String outcome, long startedNanos) {
        double ms = Math.round((System.nanoTime() - startedNanos) / 100_000.0) / 10.0;
        fetches.add(new NetworkReport.Fetch(url, purpose, outcome, ms));
    }

    void cached(String url, String purpose, String outcome) {
        fetches.add(new NetworkReport.Fetch(url, purpose, outcome + " (cached)", 0));
    }

    /** A URL {@code --offline} kept gctls from fetching. */
    void skipped(String url) {
        if (!skipped.contains(url)) {
            skipped.add(url);
        }
    }

    NetworkReport report(boolean offline) {
        return new NetworkReport(offline, List.copyOf(fetches), List.copyOf(skipped));
    }
}
