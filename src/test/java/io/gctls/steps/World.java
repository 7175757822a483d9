package io.gctls.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scenario's state: its scratch folder, the last run's result, and the placeholders steps
 * may use in command lines and file contents: {@code ${fixtures}} (fixtures/certs),
 * {@code ${tmp}} (this scenario's scratch folder), {@code ${api}} (the WireMock base URL).
 */
public class World {

    private final Map<String, String> placeholders = new LinkedHashMap<>();
    private RunResult last;
    private Path tmp;

    public Path tmp() {
        if (tmp == null) {
            try {
                Path base = Path.of("target", "scenarios");
                Files.createDirectories(base);
                tmp = Files.createTempDirectory(base.toAbsolutePath(), "s");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tmp;
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("gctls.projectDir", ".")).toAbsolutePath().normalize();
    }

    public static Path fixtures() {
        return projectDir().resolve("fixtures/certs");
    }

    public void define(String name, String value) {
        placeholders.put(name, value);
    }

    public String expand(String text) {
        String result = text.replace("${fixtures}", fixtures().toString())
                .replace("${project}", projectDir().toString())
                .replace("${tmp}", tmp().toString())
                .replace("${api}", ApiStub.baseUrl());
        for (Map.Entry<String, String> entry : placeholders.entrySet()) {
            result = result.replace("${" + entry.getKey() + "}", entry.getValue());
        }
        return result;
    }

    public RunResult last() {
        if (last == null) {
            throw new IllegalStateException("no gctls run yet in this scenario");
        }
        return last;
    }

    public void last(RunResult result) {
        this.last = result;
    }
}
