package io.gctls.audit;

import io.gctls.api.Waits;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads every page of a query from one source, for the user, within bounds: at most
 * {@link AuditLimits#maxPages()} pages and {@link AuditLimits#maxTime()}. A source that repeats
 * itself (the same next-page token again, or a page of events all read before) is stopped at once.
 * The brief's loop followed {@code nextPage} for ever; a server stuck on "more" must end in one
 * clear line (exit 6), not a hung terminal.
 */
public final class AuditReader {

    private static final Comparator<AuditEvent> OLDEST_FIRST = Comparator.comparing(AuditEvent::eventDate,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final AuditSource source;
    private final Clock clock;

    public AuditReader(AuditSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    public AuditSource source() {
        return source;
    }

    public AuditResult read(AuditQuery asked, Cancellation cancellation, Consumer<String> progress) {
        Instant started = clock.instant();
        AuditQuery query = source.prepare(asked, started, progress);
        AuditLimits limits = query.limits();
        Map<String, AuditEvent> byId = new LinkedHashMap<>();
        Set<String> tokens = new HashSet<>();
        AuditPage.Next next = null;
        String request = source.name();
        int pages = 0;
        int repeated = 0;
        do {
            if (pages >= limits.maxPages()) {
                throw endless(request, pages, byId.size(), next, limits);
            }
            Duration spent = Duration.between(started, clock.instant());
            if (pages > 0 && spent.compareTo(limits.maxTime()) > 0) {
                throw new GctlsException(ExitCode.UNAVAILABLE, request + " was still paging after "
                        + Waits.format(spent) + " (" + pages + " pages, " + byId.size() + " events); stopped at the "
                        + "time bound of " + Waits.format(limits.maxTime()) + ". Narrow --since/--until or add "
                        + "filters");
            }
            cancellation.throwIfCancelled("audit query");
            AuditPage page = source.page(query, next, cancellation, progress);
            request = page.request();
            pages++;
            int fresh = 0;
            for (AuditEvent event : page.events()) {
                if (byId.putIfAbsent(event.id(), event) == null) {
                    fresh++;
                }
            }
            if (!page.events().isEmpty() && fresh == 0 && pages > 1) {
                throw repeating(request, "page " + pages + " holds only events of earlier pages ("
                        + page.events().size() + ")", pages);
            }
            repeated += page.events().size() - fresh;
            next = page.next().orElse(null);
            if (next != null && !tokens.add(next.token())) {
                throw repeating(request, "it pointed to " + next.label() + " again", pages);
            }
        } while (next != null);
        return new AuditResult(source.name(), query.interval(),
                byId.values().stream().filter(query::admits).sorted(OLDEST_FIRST).toList(), pages, repeated);
    }

    private static GctlsException endless(String request, int pages, int events, AuditPage.Next next,
            AuditLimits limits) {
        return new GctlsException(ExitCode.UNAVAILABLE, request + " still had more after " + pages + " pages of up "
                + "to " + limits.pageSize() + " (" + events + " events so far, next: " + next.label() + "); stopped at "
                + "--max-pages " + limits.maxPages() + ". Narrow --since/--until, add filters, or raise --max-pages");
    }

    private static GctlsException repeating(String request, String what, int pages) {
        return new GctlsException(ExitCode.UNAVAILABLE, request + " is repeating itself: " + what + "; stopped after "
                + pages + " pages instead of looping");
    }
}
