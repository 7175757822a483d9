package io.gctls.steps;

/** What one gctls run printed and how it ended. */
public record RunResult(int exitCode, String stdout, String stderr) {

    public String all() {
        return stdout + stderr;
    }
}
