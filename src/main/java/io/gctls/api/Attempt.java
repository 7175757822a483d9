package io.gctls.api;

import java.time.Duration;

/**
 * One try of a request, for {@code --verbose} and the step's log line: what came back (a status,
 * or {@code reset}/{@code timeout}/{@code refused}), the {@code inin-correlation-id}, how long it
 * took, and how long gctls waited before sending it.
 */
public record Attempt(int number, String request, String outcome, String correlationId, Duration elapsed,
        Duration waitedBefore, String waitReason) {

    public String describe() {
        return "#" + number + " " + summary();
    }

    /** The attempt without its number, for lists that number the requests of several calls in one run. */
    public String summary() {
        StringBuilder line = new StringBuilder().append(request).append(" -> ").append(outcome).append(" in ").append(elapsed.toMillis()).append(" ms");
        if (!correlationId.isEmpty()) {
            line.append(" (inin-correlation-id ").append(correlationId).append(')');
        }
        if (!waitedBefore.isZero()) {
            line.append(", after waiting ").append(Waits.format(waitedBefore));
            if (!waitReason.isEmpty()) {
                line.append(" (").append(waitReason).append(')');
            }
        }
        return line.toString();
    }
}
