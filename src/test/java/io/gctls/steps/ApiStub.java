package io.gctls.steps;

import io.gctls.testing.MutableClock;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxOptions;

/**
 * The API of the Cucumber run: one built-in sandbox (the stateful Genesys Cloud emulator on
 * WireMock), started once on a random loopback port and reset before every scenario by
 * {@link SandboxSteps}. Features add their own stubs on top through {@link #server()}; WireMock's
 * default priority already beats the emulator's baseline stubs.
 */
public final class ApiStub {

    /** The sandbox's clock: real time, which a scenario may move ahead (reset rewinds it). */
    private static final MutableClock CLOCK = MutableClock.ticking();
    private static Sandbox sandbox;

    private ApiStub() {
    }

    public static synchronized Sandbox sandbox() {
        if (sandbox == null) {
            sandbox = Sandbox.start(SandboxOptions.defaults().clock(CLOCK));
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::stop, "gctls-sandbox-stop"));
        }
        return sandbox;
    }

    public static MutableClock clock() {
        return CLOCK;
    }

    public static WireMockServer server() {
        return sandbox().server();
    }

    public static String baseUrl() {
        return sandbox().baseUrl();
    }
}
