package io.gctls.cert;

import java.util.List;

/**
 * The network side of one inspection (chain repair and revocation): every fetch with its outcome
 * and time, or, with {@code --offline}, the URLs left unfetched.
 *
 * @param offline {@code --offline} was given: nothing was fetched
 * @param fetches what was fetched, in order
 * @param skipped what {@code --offline} left unfetched
 */
public record NetworkReport(boolean offline, List<Fetch> fetches, List<String> skipped) {

    /** One request: the URL, what for ({@code CA Issuers}, {@code OCSP}, {@code CRL}), what came of it. */
    public record Fetch(String url, String purpose, String outcome, double ms) {
    }

    public static NetworkReport none() {
        return new NetworkReport(false, List.of(), List.of());
    }
}
