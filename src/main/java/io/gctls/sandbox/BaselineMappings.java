package io.gctls.sandbox;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The baseline stubs that route the API to the emulator: {@code fixtures/wiremock/mappings/*.json},
 * which Maven copies into the jar under {@link #CLASSPATH_ROOT}, so the sandbox finds them from any
 * working directory. WireMock reloads them on every reset. Read-only: WireMock's "save mappings"
 * never writes into the jar or the fixtures.
 *
 * <p>A jar cannot be listed portably (Spring Boot nests it), hence the explicit {@link #FILES};
 * a test checks it against the fixtures folder.
 */
final class BaselineMappings implements MappingsSource {

    static final String CLASSPATH_ROOT = "gctls-sandbox/wiremock/mappings/";

    /** Every file of fixtures/wiremock/mappings, in load order. */
    static final List<String> FILES = List.of(
            "oauth-token.json",
            "tokens-me.json",
            "customdomains.json",
            "audits.json",
            "auditlogs.json",
            "certificate-details.json",
            "fallback.json");

    private final Path directory;

    /** @param directory a mappings folder to read instead of the classpath copy, or null */
    BaselineMappings(Path directory) {
        this.directory = directory;
    }

    List<StubMapping> load() {
        List<StubMapping> mappings = new ArrayList<>();
        for (String file : FILES) {
            StubMapping mapping = StubMapping.buildFrom(read(file));
            // A fixed id per file keeps the baseline recognisable in WireMock's admin API and journal.
            mapping.setId(UUID.nameUUIDFromBytes(("gctls-sandbox/" + file).getBytes(StandardCharsets.UTF_8)));
            mappings.add(mapping);
        }
        return mappings;
    }

    private String read(String file) {
        try {
            if (directory != null) {
                return Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
            }
            try (InputStream in = BaselineMappings.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + file)) {
                if (in == null) {
                    throw new IllegalStateException("sandbox baseline stub " + CLASSPATH_ROOT + file
                            + " is missing from the classpath; rebuild with mvn package");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox baseline stub " + file, e);
        }
    }

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
        load().forEach(stubMappings::addMapping);
    }

    // MappingsSaver: the baseline is read-only.

    @Override
    public void save(List<StubMapping> stubMappings) {
    }

    @Override
    public void save(StubMapping stubMapping) {
    }

    @Override
    public void remove(StubMapping stubMapping) {
    }

    @Override
    public void removeAll() {
    }
}
