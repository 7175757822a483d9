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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads every page of a query from one source, for the user, within bounds: events read and time
 * ({@link AuditLimits}), and pages only when asked. It learns the page size the server honours (25
 * when 100 were asked for) and says so. A source that repeats itself is stopped: the same next-page
 * token again, the same page three times in a row, or {@value #IDLE_PAGES} pages in a row with
 * nothing new. One page of events seen before is not a repeat: events that arrive while a newest-first
 * listing is read shift it, by a whole page when a page's worth arrives. However the query stops
 * early (a page failing past the retries, a bound, a repeat), the events read so far are returned
 * with one line saying where and why ({@link AuditResult#stopped()}; docs/reliability.md "Audit paging"): a loop that just
 * follows {@code nextPage} never ends on a server that keeps sending one, and an earlier gctls threw
 * away what it had read.
 */
public final class AuditReader {

    /** Pages in a row that bring nothing new before the source is taken to be going round in circles. */
    static final int IDLE_PAGES = 10;
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

    /**
     * Every event of {@code asked}, each once. A failure of the first page is thrown (nothing was read);
     * a later failure, a bound or a repeat ends the read with the events so far and a {@code stopped} line.
     */
    public AuditResult read(AuditQuery asked, Cancellation cancellation, Consumer<String> progress) {
        Instant started = clock.instant();
        AuditQuery query = source.prepare(asked, started, progress);
        Paging paging = new Paging(query.limits(), query::admits);
        AuditPage.Next next = null;
        String request = source.name();
        Optional<AuditResult.Stop> stop = Optional.empty();
        do {
            stop = bound(paging, query.limits(), request, next, Duration.between(started, clock.instant()));
            if (stop.isPresent()) {
                break;
            }
            cancellation.throwIfCancelled("audit query");
            AuditPage page;
            try {
                page = source.page(query, next, cancellation, progress);
            } catch (GctlsException e) {
                if (paging.pages == 0 || e.exitCode() == ExitCode.INTERRUPTED) {
                    throw e;
                }
                stop = Optional.of(new AuditResult.Stop("audit query stopped at " + where(paging, next) + ": "
                        + e.getMessage() + "; the " + paging.kept() + " events read before it are shown",
                        e.exitCode()));
                break;
            }
            request = page.request();
            stop = paging.take(page, progress);
            next = page.next().orElse(null);
            if (stop.isEmpty() && next != null && !paging.tokens.add(next.token())) {
                stop = Optional.of(repeating(request, "it pointed to " + next.label() + " again", paging));
            }
        } while (stop.isEmpty() && next != null);
        List<AuditEvent> events = paging.byId.values().stream().filter(query::admits).sorted(OLDEST_FIRST).toList();
        return new AuditResult(source.name(), query.interval(), events, paging.pages, paging.repeated,
                paging.servedSize(), stop);
    }

    /** What one read has seen so far, page by page. */
    private static final class Paging {
        final AuditLimits limits;
        final java.util.function.Predicate<AuditEvent> admits;
        final Map<String, AuditEvent> byId = new LinkedHashMap<>();
        final Set<String> tokens = new HashSet<>();
        int pages;
        long read;
        int repeated;
        int served;
        boolean saidServed;
        int lastShort;
        List<String> previousIds = List.of();
        int samePages;
        int idlePages;

        Paging(AuditLimits limits, java.util.function.Predicate<AuditEvent> admits) {
            this.limits = limits;
            this.admits = admits;
        }

        /** The events read that the query asked for (a server may send some outside the window). */
        long kept() {
            return byId.values().stream().filter(admits).count();
        }

        int servedSize() {
            return served > 0 ? served : limits.pageSize();
        }

        /** Takes a page's events; a repeat, judged across pages, ends the read. */
        Optional<AuditResult.Stop> take(AuditPage page, Consumer<String> progress) {
            pages++;
            read += page.events().size();
            learnPageSize(page, progress);
            int fresh = 0;
            for (AuditEvent event : page.events()) {
                if (byId.putIfAbsent(event.id(), event) == null) {
                    fresh++;
                }
            }
            repeated += page.events().size() - fresh;
            List<String> ids = page.events().stream().map(AuditEvent::id).toList();
            samePages = !ids.isEmpty() && ids.equals(previousIds) ? samePages + 1 : 0;
            idlePages = !ids.isEmpty() && fresh == 0 ? idlePages + 1 : 0;
            previousIds = ids;
            if (samePages >= 2) {
                return Optional.of(repeating(page.request(), "pages " + (pages - 2) + " to " + pages + " hold the same "
                        + ids.size() + " events", this));
            }
            if (idlePages >= IDLE_PAGES) {
                return Optional.of(repeating(page.request(), "the last " + idlePages + " pages held only events of"
                        + " earlier pages", this));
            }
            return Optional.empty();
        }

        /**
         * The size of a full page as the server serves it: what it says ({@code pageSize}), else what a
         * page that is followed by another holds. Said once when it is fewer than were asked for.
         */
        private void learnPageSize(AuditPage page, Consumer<String> progress) {
            int size = page.served();
            if (size == 0 && page.next().isPresent() && !page.events().isEmpty()) {
                // not said: a short page followed by more, twice the same, is the server's size
                size = page.events().size() == lastShort ? lastShort : 0;
                lastShort = page.events().size() < limits.pageSize() ? page.events().size() : 0;
            }
            if (size > 0 && (served == 0 || size < served)) {
                served = size;
            }
            if (!saidServed && served > 0 && served < limits.pageSize()) {
                saidServed = true;
                progress.accept("the API serves pages of " + served + (served == 1 ? " event" : " events") + ", not the "
                        + limits.pageSize() + " asked for; reading on in pages of " + served);
            }
        }
    }

    private static Optional<AuditResult.Stop> bound(Paging paging, AuditLimits limits, String request,
            AuditPage.Next next, Duration spent) {
        if (paging.pages >= limits.maxPages()) {
            return Optional.of(new AuditResult.Stop(request + " still had more after " + paging.pages + " pages"
                    + sizes(paging) + ", " + paging.kept() + " events read (next: " + next.label()
                    + "); stopped at --max-pages " + limits.maxPages() + ". Narrow --since/--until, add filters,"
                    + " or raise --max-pages", ExitCode.UNAVAILABLE));
        }
        if (paging.read >= limits.maxEvents()) {
            return Optional.of(new AuditResult.Stop(request + " still had more after " + paging.read + " events in "
                    + paging.pages + " pages" + sizes(paging) + " (next: " + next.label() + "); stopped at the bound"
                    + " of " + limits.maxEvents() + " events. Narrow --since/--until, add filters, or raise"
                    + " --max-events", ExitCode.UNAVAILABLE));
        }
        if (paging.pages > 0 && spent.compareTo(limits.maxTime()) > 0) {
            return Optional.of(new AuditResult.Stop(request + " was still paging after " + Waits.format(spent) + ": "
                    + paging.pages + " pages" + sizes(paging) + ", " + paging.kept() + " events read (next: "
                    + next.label() + "); stopped at the time bound of " + Waits.format(limits.maxTime())
                    + ". Narrow --since/--until or add filters", ExitCode.UNAVAILABLE));
        }
        return Optional.empty();
    }

    /** {@code  of up to 100}, or {@code  of 25 (the API's page size; 100 were asked for)}. */
    private static String sizes(Paging paging) {
        return paging.served > 0 && paging.served < paging.limits.pageSize() ? " of " + paging.served
                + " (the API's page size; " + paging.limits.pageSize() + " were asked for)"
                : " of up to " + paging.limits.pageSize();
    }

    private static String where(Paging paging, AuditPage.Next next) {
        return next == null ? "page " + (paging.pages + 1) : next.label();
    }

    private static AuditResult.Stop repeating(String request, String what, Paging paging) {
        return new AuditResult.Stop(request + " is repeating itself: " + what + "; stopped after " + paging.pages
                + " pages instead of looping; the " + paging.kept() + " events read are shown",
                ExitCode.UNAVAILABLE);
    }
}
