package io.gctls.sandbox;

import io.gctls.testing.MutableClock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One sandbox for a test class, over real HTTP: started before the class, stopped after it, and
 * before each test reset (and its clock rewound, when the options carry a {@link MutableClock}).
 * Runs before the class's own {@code @BeforeEach}, so a test's login sees the fresh sandbox.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults().clock(CLOCK));
 * private final Sandbox sandbox = RUNNING.sandbox();
 * private final SandboxHttp http = RUNNING.http();
 * </pre>
 */
public final class RunningSandbox implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final SandboxOptions options;
    private Sandbox sandbox;
    private SandboxHttp http;

    private RunningSandbox(SandboxOptions options) {
        this.options = options;
    }

    public static RunningSandbox with(SandboxOptions options) {
        return new RunningSandbox(options);
    }

    /** The running sandbox; test instances are made after it started. */
    public Sandbox sandbox() {
        return started(sandbox);
    }

    SandboxHttp http() {
        return started(http);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox = Sandbox.start(options);
        http = new SandboxHttp(sandbox);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sandbox.stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox.reset();
        if (options.clock() instanceof MutableClock clock) {
            clock.rewind();
        }
    }

    private static <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException("the sandbox starts before the test class; register RunningSandbox "
                    + "with @RegisterExtension on a static field");
        }
        return value;
    }
}
