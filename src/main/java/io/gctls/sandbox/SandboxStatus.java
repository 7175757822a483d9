package io.gctls.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * What {@code sandbox status} shows: whether it runs, where, what it holds and which switches are set.
 *
 * @param url the base URL of login and API, or null when stopped
 * @param tlsPort the loopback port serving the deployed certificates over TLS, or 0 when stopped
 * @param liveTokens issued tokens neither expired nor revoked
 * @param requests requests in WireMock's journal since the last reset
 */
public record SandboxStatus(boolean running, String url, int tlsPort, int domains, int auditEvents, int liveTokens,
        int requests, int ratePerMinute, Duration tokenLifetime, boolean jwtTokens, List<FaultSpec> faults) {

    public SandboxStatus {
        faults = List.copyOf(faults);
    }
}
