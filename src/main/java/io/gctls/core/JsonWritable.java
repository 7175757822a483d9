package io.gctls.core;

import tools.jackson.core.JsonGenerator;

/**
 * A result that writes its own JSON document with Jackson's streaming generator, so that printing
 * it never starts Jackson's data binding.
 *
 * <p>Why: the first document a process writes through the data-binding mapper costs about 100 ms
 * of a one-shot run (building the mapper and its date format, then finding out how to write each
 * record, all in code that runs once), against about 5 ms for the same document through the
 * streaming generator (measured in a fresh JVM with the start-up archive; docs/architecture.md
 * "Start-up"). For {@code cert inspect --output json}, which CI runs hundreds of times a day, that
 * is a third of the run.
 *
 * <p>The rule for implementations: the document is exactly the one the mapper would write for the
 * record (same names, order, nulls and values), so that {@link Json} may use either; each
 * implementation has a test that compares the two on real results.
 */
public interface JsonWritable {

    /** Writes this value as one JSON value (an object, usually) at the generator's current position. */
    void writeJson(JsonGenerator json);
}
