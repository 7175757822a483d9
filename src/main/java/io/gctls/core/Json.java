package io.gctls.core;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's one JSON mapper (Jackson 3). Vert.x carries its own Jackson 2 core for itself;
 * everything gctls reads or writes goes through this.
 *
 * <p>A {@link JsonWritable} value is written by Jackson's streaming generator alone, and the mapper
 * is not even built for it (it lives in a holder class, made on first use): that is what keeps a
 * one-shot {@code cert inspect --output json} free of data binding's start-up cost.
 */
public final class Json {

    private Json() {
    }

    /** Built on first use: a process that only streams never pays for it. */
    private static final class Mapper {
        static final JsonMapper INSTANCE = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /** The same defaults as the mapper's own factory, so a streamed document reads as a mapped one. */
    private static final class Streams {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    public static JsonMapper mapper() {
        return Mapper.INSTANCE;
    }

    public static String compact(Object value) {
        if (value instanceof JsonWritable writable) {
            return stream(writable, ObjectWriteContext.empty());
        }
        return mapper().writeValueAsString(value);
    }

    public static String pretty(Object value) {
        if (value instanceof JsonWritable writable) {
            return stream(writable, new Pretty());
        }
        return mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    private static String stream(JsonWritable value, ObjectWriteContext context) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Streams.FACTORY.createGenerator(context, text)) {
            value.writeJson(json);
        }
        return text.toString();
    }

    /** The mapper's default pretty printer, as {@code writerWithDefaultPrettyPrinter()} uses it. */
    private static final class Pretty extends ObjectWriteContext.Base {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    }

    /** Writes a list of strings as an array (a helper for {@link JsonWritable} implementations). */
    public static void writeStrings(JsonGenerator json, String name, List<String> values) {
        if (nameThenNull(json, name, values)) {
            return;
        }
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** Writes a map of strings as an object, in the map's order (a helper for {@link JsonWritable} implementations). */
    public static void writeStrings(JsonGenerator json, String name, Map<String, String> values) {
        if (nameThenNull(json, name, values)) {
            return;
        }
        json.writeStartObject();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            json.writeStringProperty(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    /** Writes a list of {@link JsonWritable} values as an array (a helper for implementations). */
    public static void writeAll(JsonGenerator json, String name, List<? extends JsonWritable> values) {
        if (nameThenNull(json, name, values)) {
            return;
        }
        json.writeStartArray();
        for (JsonWritable value : values) {
            value.writeJson(json);
        }
        json.writeEndArray();
    }

    /** Writes the property's name, and {@code null} for it when there is no value (as the mapper does). */
    private static boolean nameThenNull(JsonGenerator json, String name, Object value) {
        json.writeName(name);
        if (value == null) {
            json.writeNull();
        }
        return value == null;
    }
}
