package io.gctls.audit;

import io.gctls.api.ApiClient;
import io.gctls.api.Progress;
import io.gctls.api.Waits;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Waits for the audit event of a change gctls just made (a deploy's create or replace): polls the
 * real-time audit query for the entity until an event with one of the actions shows up, or the
 * timeout passes. Records the time until it was seen as the {@code audit} step of {@link Metrics}.
 *
 * <pre>{@code
 * AuditWatch watch = AuditWatch.realtime(client, AuditSettings.from(environment), metrics);
 * Optional<AuditSighting> seen = watch.waitFor(result.id(), Set.of("Create"), deployStarted,
 *         Duration.ofMinutes(2), invocation.cancellation(), invocation.out()::note);
 * }</pre>
 */
public final class AuditWatch {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    /**
     * How far before {@code since} an event may be dated and still count: the server stamps events
     * by its clock, gctls takes {@code since} by its own.
     */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(5);

    private final AuditReader reader;
    private final ApiClient client;
    private final AuditSettings settings;
    private final Metrics metrics;
    private final Duration pollInterval;
    private final Duration clockSkew;
    private final Clock clock;

    public AuditWatch(AuditSource source, ApiClient client, AuditSettings settings, Metrics metrics,
            Duration pollInterval, Duration clockSkew) {
        this.clock = client.executor().clock();
        this.reader = new AuditReader(source, clock);
        this.client = client;
        this.settings = settings;
        this.metrics = metrics;
        this.pollInterval = pollInterval;
        this.clockSkew = clockSkew;
    }

    /** A watch on the real-time audit query, polling every 5 s. */
    public static AuditWatch realtime(ApiClient client, AuditSettings settings, Metrics metrics) {
        return new AuditWatch(new RealtimeAuditSource(client), client, settings, metrics, DEFAULT_POLL_INTERVAL,
                DEFAULT_CLOCK_SKEW);
    }

    /**
     * Polls until the audit log holds an event for {@code entityId} with one of {@code actions}
     * ({@code Create}, {@code Update}, {@code Delete}; any case), dated no earlier than
     * {@code since} (less the clock skew allowance); the earliest such event is returned.
     *
     * @return empty when {@code timeout} passed without one (nothing is recorded in the metrics then)
     * @throws GctlsException exit 4/5 when the API refuses the audit query (no permission, bad
     *         service name), exit 130 on Ctrl-C; 5xx and network failures are retried until the timeout
     */
    public Optional<AuditSighting> waitFor(String entityId, Set<String> actions, Instant since, Duration timeout,
            Cancellation cancellation, Consumer<String> progress) {
        Set<String> wanted = actions.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        AuditFilter filter = settings.filter().withEntityId(entityId)
                .withAction(actions.size() == 1 ? actions.iterator().next() : null);
        Instant from = since.minus(clockSkew);
        Instant deadline = clock.instant().plus(timeout);
        int polls = 0;
        while (true) {
            Instant now = clock.instant();
            polls++;
            Optional<AuditEvent> found = Optional.empty();
            if (now.isAfter(from)) {
                try {
                    AuditResult read = reader.read(new AuditQuery(from, now.plusMillis(1), filter,
                            AuditLimits.defaults()), cancellation, progress);
                    found = read.events().stream()
                            .filter(e -> entityId.equals(e.entityId()))
                            .filter(e -> e.action() != null && wanted.contains(e.action().toLowerCase(Locale.ROOT)))
                            .filter(e -> e.eventDate() == null || !e.eventDate().isBefore(from))
                            .min(Comparator.comparing(AuditEvent::eventDate,
                                    Comparator.nullsLast(Comparator.naturalOrder())));
                    if (found.isEmpty() && read.failure().isPresent()) {
                        throw read.failure().get();
                    }
                } catch (GctlsException e) {
                    if (e.exitCode() != ExitCode.UNAVAILABLE) {
                        throw e;
                    }
                    progress.accept("audit poll " + polls + " failed: " + e.getMessage() + "; trying again");
                }
            }
            if (found.isPresent()) {
                return Optional.of(sighting(found.get(), since, polls));
            }
            Instant after = clock.instant();
            if (!after.isBefore(deadline)) {
                progress.accept("no audit event for " + entityId + " (" + String.join("|", actions) + ") within "
                        + Waits.format(timeout));
                return Optional.empty();
            }
            Duration remaining = Duration.between(after, deadline);
            Duration pause = remaining.compareTo(pollInterval) < 0 ? remaining : pollInterval;
            Progress.pausing(progress, "waiting for the " + String.join("|", actions) + " audit event of " + entityId,
                    "next poll", pause, "(poll " + (polls + 1) + ")");
            client.pause(pause, cancellation);
        }
    }

    private AuditSighting sighting(AuditEvent event, Instant since, int polls) {
        Instant seenAt = clock.instant();
        Duration eventLatency = event.eventDate() == null ? Duration.ZERO : Duration.between(since, event.eventDate());
        Duration seenAfter = Duration.between(since, seenAt);
        metrics.record("audit", seenAfter.isNegative() ? Duration.ZERO : seenAfter);
        return new AuditSighting(event, since, seenAt, eventLatency, seenAfter, polls);
    }
}
