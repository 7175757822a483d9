package io.gctls.shell.command;

import io.gctls.audit.AuditEvent;
import io.gctls.audit.AuditFilter;
import io.gctls.audit.AuditLimits;
import io.gctls.audit.AuditQuery;
import io.gctls.audit.AuditSettings;
import io.gctls.audit.AuditTimes;
import io.gctls.core.GctlsException;
import io.gctls.shell.Invocation;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options {@code audit query} and {@code audit tail} share, and how an event is shown. */
final class AuditOptions {

    /** What the options asked for: the query and the source to read it from. */
    record Request(AuditQuery query, String source) {
    }

    /** A point in time as typed: back from now (30m, 1h, 1d) or an ISO-8601 time or date. */
    static Opt<String> when(String name, String help) {
        return OptionSpec.of(name, "WHEN", help, "",
                text -> {
                    AuditTimes.point(text, Instant.now()); // the form is checked now; the point when the command runs
                    return text.strip();
                }, text -> text);
    }

    static Opt<String> since(String sinceDefault) {
        return when("since", "start of the window: back from now (30m, 1h, 1d) or an ISO-8601 time or date")
                .defaultValue(sinceDefault);
    }

    static final Opt<String> DOMAIN_ID = OptionSpec.value("domain-id", "ID", "only events of this custom domain (its id)");
    static final Opt<String> SERVICE = OptionSpec.value("service", "NAME", "the audit serviceName (else $"
            + AuditSettings.SERVICE_VARIABLE + ", else " + AuditSettings.DEFAULT_SERVICE + ": the custom-domain API is "
            + "assumed, not in Genesys's public catalogue: docs/api.md)");
    static final Opt<String> ACTION = OptionSpec.value("action", "ACTION", "only this action: Create, Update, Delete, ...");
    static final Opt<String> STATUS = OptionSpec.value("status", "STATUS", "only SUCCESS, FAILURE or WARNING (checked by "
            + "gctls: the audit queries have no status filter)");
    static final Opt<Integer> PAGE_SIZE = OptionSpec.integer("page-size", "N", AuditLimits.DEFAULT_PAGE_SIZE,
            "events per request").atLeast(1).atMost(AuditLimits.MAX_PAGE_SIZE);
    static final Opt<Integer> MAX_PAGES = OptionSpec.integer("max-pages", "N", null,
            "stop with exit 6 when the API still has more after N pages (default: no page bound)").atLeast(1);
    static final Opt<Integer> MAX_EVENTS = OptionSpec.integer("max-events", "N", AuditLimits.DEFAULT_MAX_EVENTS,
            "stop with exit 6 when the API still has more after N events (the events read are shown)").atLeast(1);

    private AuditOptions() {
    }

    static Opt<String> source(List<String> sources) {
        return OptionSpec.choice("source", sources, sourceHelp(sources)).defaultValue("realtime");
    }

    static List<OptionSpec> filters(Opt<String> since, Opt<String> source) {
        return List.of(since, DOMAIN_ID, SERVICE, ACTION, STATUS, source, PAGE_SIZE, MAX_PAGES, MAX_EVENTS);
    }

    private static String sourceHelp(List<String> sources) {
        List<String> help = new ArrayList<>();
        help.add("realtime: Genesys's real-time query, 14 days back at most");
        if (sources.contains("async")) {
            help.add("async: Genesys's asynchronous query, any range");
        }
        help.add("auditlogs: the assumed /api/v2/auditlogs of docs/api.md");
        return String.join("; ", help);
    }

    static Request parse(Invocation invocation, AuditSettings settings, Instant now, Opt<String> sinceOption,
            Opt<String> source, Instant until) {
        Instant since = point(invocation.get(sinceOption), "since", now);
        if (!since.isBefore(until)) {
            throw GctlsException.usage("--since " + AuditTimes.format(since) + " is not before "
                    + (invocation.has("until") ? "--until " : "now, ") + AuditTimes.format(until));
        }
        AuditFilter filter;
        AuditLimits limits;
        try {
            filter = new AuditFilter(invocation.optional(SERVICE).orElse(settings.serviceName()),
                    settings.entityType(), invocation.optional(DOMAIN_ID).map(AuditFilter::domainId).orElse(null),
                    invocation.optional(ACTION).orElse(null), invocation.optional(STATUS).orElse(null));
            limits = new AuditLimits(invocation.get(PAGE_SIZE), invocation.optional(MAX_PAGES)
                    .orElse(AuditLimits.NO_PAGE_BOUND), invocation.get(MAX_EVENTS), AuditLimits.DEFAULT_MAX_TIME);
        } catch (IllegalArgumentException e) {
            throw GctlsException.usage(invocation.commandName() + ": " + e.getMessage());
        }
        return new Request(new AuditQuery(since, until, filter, limits), invocation.get(source));
    }

    static Instant point(String text, String option, Instant now) {
        try {
            return AuditTimes.point(text, now);
        } catch (IllegalArgumentException e) {
            throw GctlsException.usage("--" + option + ": " + e.getMessage());
        }
    }

    /** The JSON line of an event: every field, times in ISO-8601 UTC. */
    static Map<String, Object> json(AuditEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id());
        json.put("eventDate", AuditTimes.format(event.eventDate()));
        json.put("action", event.action());
        json.put("entityType", event.entityType());
        json.put("entityId", event.entityId());
        json.put("entityName", event.entityName());
        json.put("status", event.status());
        json.put("serviceName", event.serviceName());
        json.put("userId", event.userId());
        json.put("userName", event.userName());
        json.put("clientId", event.clientId());
        json.put("clientName", event.clientName());
        json.put("message", event.message());
        return json;
    }

    /** A table row / stream line: time, action, entity, status, user or client. */
    static List<String> row(AuditEvent event) {
        List<String> row = new ArrayList<>();
        row.add(orDash(AuditTimes.format(event.eventDate())));
        row.add(orDash(event.action()));
        row.add(orDash(event.entity()));
        row.add(orDash(event.status()));
        row.add(orDash(event.actor()));
        return row;
    }

    static String line(AuditEvent event) {
        List<String> row = row(event);
        return String.format("%-24s  %-7s  %-7s  %s  %s", row.get(0), row.get(1), row.get(3), row.get(2), row.get(4));
    }


    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
