package io.gctls.cert;

import io.gctls.core.Json;
import io.gctls.core.JsonWritable;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * The network side of one inspection (chain repair and revocation): every fetch with its outcome
 * and time, or, with {@code --offline}, the URLs left unfetched.
 *
 * @param offline {@code --offline} was given: nothing was fetched
 * @param fetches what was fetched, in order
 * @param skipped what {@code --offline} left unfetched
 */
public record NetworkReport(boolean offline, List<Fetch> fetches, List<String> skipped) implements JsonWritable {

    /** One request: the URL, what for ({@code CA Issuers}, {@code OCSP}, {@code CRL}), what came of it. */
    public record Fetch(String url, String purpose, String outcome, double ms) implements JsonWritable {

        @Override
        public void writeJson(JsonGenerator json) {
            json.writeStartObject();
            json.writeStringProperty("url", url);
            json.writeStringProperty("purpose", purpose);
            json.writeStringProperty("outcome", outcome);
            json.writeNumberProperty("ms", ms);
            json.writeEndObject();
        }
    }

    /** The document the mapper would write, streamed (see {@link JsonWritable}). */
    @Override
    public void writeJson(JsonGenerator json) {
        json.writeStartObject();
        json.writeBooleanProperty("offline", offline);
        Json.writeAll(json, "fetches", fetches);
        Json.writeStrings(json, "skipped", skipped);
        json.writeEndObject();
    }

    public static NetworkReport none() {
        return new NetworkReport(false, List.of(), List.of());
    }
}
