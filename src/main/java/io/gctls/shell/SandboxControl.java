package io.gctls.shell;

import io.gctls.api.RetrySettings;
import io.gctls.auth.ApiPaths;
import io.gctls.auth.ApiSession;
import io.gctls.auth.ClientCredentials;
import io.gctls.auth.Connection;
import io.gctls.auth.Endpoints;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Secrets;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxOptions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The session's built-in sandbox (docs/sandbox.md): started by {@code --sandbox} or {@code sandbox start},
 * and the session connected and logged in to it, so that the whole flow works offline with no
 * credentials. Its client is fixed and public, so it is not treated as a secret.
 */
public class SandboxControl implements LaunchHook {

    private final Supplier<ApiSession> session;
    private final Clock clock;
    private Sandbox sandbox;
    /** The address of the sandbox this session stopped last, while no other runs. */
    private String stoppedUrl;

    public SandboxControl(ApiSession session, Clock clock) {
        this(() -> session, clock);
    }

    /** The session is made on first use: a run without the sandbox never builds it here. */
    public SandboxControl(Supplier<ApiSession> session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public void beforeFirstCommand(SessionSettings settings, Output output) {
        if (settings.sandbox()) {
            start(SandboxOptions.defaults(), Cancellation.never(), output::note);
        }
    }

    /** Starts the sandbox (or keeps the running one) and logs the session in to it. */
    public synchronized Sandbox start(SandboxOptions options, Cancellation cancellation,
            java.util.function.Consumer<String> progress) {
        if (sandbox == null || !sandbox.isRunning()) {
            sandbox = Sandbox.start(options.clock(clock));
        }
        // its secret is printed on purpose (sandbox status): typing it as --client-secret must not mask it
        Secrets.declarePublic(sandbox.clientSecret());
        ApiSession.Connected connected = session.get().connect(connection(sandbox));
        session.get().loginNow(connected, cancellation, progress);
        return sandbox;
    }

    public synchronized Optional<Sandbox> running() {
        return Optional.ofNullable(sandbox).filter(Sandbox::isRunning);
    }

    public Sandbox require() {
        return running().orElseThrow(() -> GctlsException.usage("no sandbox is running; start one with 'sandbox "
                + "start' (or launch with: gctls --sandbox)"));
    }

    public synchronized void stop() {
        if (sandbox != null) {
            String url = sandbox.baseUrl();
            stoppedUrl = null;
            // the sandbox's connection, however it was made (by --sandbox, or auth login --api-url to it)
            boolean wasOurs = session.get().active().map(c -> c.connection().sandbox()
                    || c.client().baseUrl().equals(url)).orElse(false);
            sandbox.stop();
            sandbox = null;
            if (wasOurs) {
                session.get().disconnect();
            }
        }
    }

    /**
     * {@code sandbox stop}: stops it, and remembers that it was stopped on purpose, so that the next
     * command says so instead of retrying a closed port.
     */
    public synchronized void stopAsAsked() {
        String url = running().map(Sandbox::baseUrl).orElse(null);
        stop();
        if (url != null) {
            stoppedUrl = url;
        }
    }

    /**
     * Refuses, at once, a connection to the sandbox this session stopped: retrying a refused port
     * until the circuit opens would only hide what happened. Also the answer when the stopped sandbox
     * was the only connection there was.
     */
    public synchronized void refuseIfStopped(String apiUrl) {
        if (stoppedUrl != null && running().isEmpty() && stoppedUrl.equals(apiUrl)) {
            throw stopped();
        }
    }

    /** True when this session stopped a sandbox and has not started another. */
    public synchronized boolean wasStopped() {
        return stoppedUrl != null && running().isEmpty();
    }

    public GctlsException stopped() {
        return new GctlsException(ExitCode.UNAVAILABLE, "the sandbox is stopped: start it again with 'sandbox start'"
                + " (its domains and audit events were discarded)");
    }
    /** Where each part of the connection came from, in the order auth status shows them. */
    private static Map<String, String> sandboxSources() {
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        sources.put("api", "sandbox");
        sources.put("clientId", "sandbox");
        sources.put("secret", "sandbox");
        return java.util.Collections.unmodifiableMap(sources);
    }

    public static Connection connection(Sandbox sandbox) {
        Endpoints endpoints = Endpoints.fromApiUrl(sandbox.baseUrl(), Optional.empty());
        ClientCredentials credentials = new ClientCredentials(sandbox.clientId(), sandbox.clientSecret(),
                ClientCredentials.PUBLIC_SANDBOX);
        return new Connection(endpoints, credentials, Optional.empty(), RetrySettings.defaults(), false, true,
                ApiPaths.defaults(), sandboxSources());
    }
}
