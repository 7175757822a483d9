package io.gctls.sandbox;

import java.time.Duration;

/**
 * The emulator's runtime knobs, read by the API areas and changed by the {@link Sandbox} facade;
 * {@link #reset} puts back what the sandbox started with. Guarded by the emulator's lock.
 */
final class Settings {

    private final SandboxOptions initial;
    int ratePerMinute;
    Duration tokenLifetime;
    boolean jwtTokens;
    int auditQueryPolls;

    Settings(SandboxOptions initial) {
        this.initial = initial;
        reset();
    }

    void reset() {
        ratePerMinute = initial.ratePerMinute();
        tokenLifetime = initial.tokenLifetime();
        jwtTokens = initial.jwtTokens();
        auditQueryPolls = initial.auditQueryPolls();
    }
}
