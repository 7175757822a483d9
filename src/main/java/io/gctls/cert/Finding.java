package io.gctls.cert;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.gctls.core.Json;
import io.gctls.core.JsonWritable;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * One result of one check: its code, severity, the certificate it is about and the facts it found
 * ({@code data}); its sentence ({@code message}) is made from those by {@link Sentences}, so that
 * the same finding reads right whether the certificates came from files, a URL or a live server.
 *
 * @param code one of {@link CheckCode}'s codes, e.g. {@code chain-incomplete}
 * @param message one sentence a person can act on
 * @param certificate which certificate it is about (its subject CN, or its subject when it has no
 *     CN), or null when it is about a file or the key
 * @param index that certificate's position in the report's list of certificates, or null
 * @param data the facts the sentence is made of, by name (stable for scripts)
 * @param subject the certificate itself, to find its index; not part of the JSON document
 */
public record Finding(Severity severity, String code, String message, String certificate, Integer index,
        Map<String, String> data, @JsonIgnore X509Certificate subject) implements JsonWritable {

    public Finding {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data == null ? Map.of() : data));
    }

    /** A finding about {@code subject} (or about a file or key when null), worded by {@link Sentences}. */
    static Finding of(CheckCode check, String variant, X509Certificate subject, Map<String, String> data) {
        Map<String, String> facts = new LinkedHashMap<>(data);
        if (subject != null) {
            facts.putIfAbsent("cert", Certs.quoted(subject));
        }
        return new Finding(check.severity(), check.code(), Sentences.render(check, variant, facts),
                subject == null ? null : Certs.label(subject), null, data, subject);
    }

    /** A finding of a check outside this package (a probe's expectation), with its own sentence. */
    public static Finding other(Severity severity, String code, String message, X509Certificate subject,
            Map<String, String> data) {
        return new Finding(severity, code, message, subject == null ? null : Certs.label(subject), null, data,
                subject);
    }

    public Finding at(int position) {
        return new Finding(severity, code, message, certificate, position, data, subject);
    }

    /** The document the mapper would write, {@code subject} left out as it is there (see {@link JsonWritable}). */
    @Override
    public void writeJson(JsonGenerator json) {
        json.writeStartObject();
        json.writeStringProperty("severity", severity == null ? null : severity.name());
        json.writeStringProperty("code", code);
        json.writeStringProperty("message", message);
        json.writeStringProperty("certificate", certificate);
        json.writeName("index");
        if (index == null) {
            json.writeNull();
        } else {
            json.writeNumber(index.intValue());
        }
        Json.writeStrings(json, "data", data);
        json.writeEndObject();
    }

    public boolean is(CheckCode check) {
        return code.equals(check.code());
    }
}
