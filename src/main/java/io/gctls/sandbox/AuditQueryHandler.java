package io.gctls.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Genesys Cloud's audit shape: the real-time query ({@code POST /api/v2/audits/query/realtime},
 * 14 days back at most, page numbers) and the asynchronous one ({@code POST /api/v2/audits/query},
 * polled at {@code GET /api/v2/audits/query/{id}} until it succeeds, results by cursor at
 * {@code GET /api/v2/audits/query/{id}/results}).
 */
final class AuditQueryHandler implements Routes.Area {

    static final int MAX_PAGE_SIZE = 500;
    static final Duration REALTIME_REACH = Duration.ofDays(14);

    /** An asynchronous audit query: its results are fixed when it is submitted. */
    private static final class Execution {
        final String id = UUID.randomUUID().toString();
        final AuditQuery query;
        final List<AuditEvent> results;
        final Instant startDate;
        int polls;

        Execution(AuditQuery query, List<AuditEvent> results, Instant startDate) {
            this.query = query;
            this.results = results;
            this.startDate = startDate;
        }
    }

    private final AuditTrail audit;
    private final Settings settings;
    private final Map<String, Execution> executions = new LinkedHashMap<>();

    AuditQueryHandler(AuditTrail audit, Settings settings) {
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/api/v2/audits/query/realtime", call -> Reply.json(200, realtime(call.json(), call.now())))
                .add("POST", "/api/v2/audits/query", call -> Reply.json(200, submit(call.json(), call.now())))
                .add("GET", "/api/v2/audits/query/([^/]+)/results",
                        call -> Reply.json(200, results(execution(call.pathParameter(0)), call)))
                .add("GET", "/api/v2/audits/query/([^/]+)",
                        call -> Reply.json(200, poll(execution(call.pathParameter(0)))));
    }

    void clear() {
        executions.clear();
    }

    private Map<String, Object> realtime(JsonNode body, Instant now) {
        AuditQuery query = AuditQuery.parse(body);
        if (query.start().isBefore(now.minus(REALTIME_REACH))) {
            throw ApiError.badRequest("The real-time audit query reaches at most 14 days back; interval starts "
                    + Times.format(query.start()) + ". Use POST /api/v2/audits/query for older events",
                    "INTERVAL_TOO_OLD", "interval");
        }
        Paging.Page page = Paging.fromBody(body, MAX_PAGE_SIZE);
        List<AuditEvent> selected = query.select(audit.events());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("entities", page.slice(selected).stream()
                .map(event -> event.toAuditLogMessage(Sandbox.ORGANIZATION_ID)).toList());
        result.putAll(Paging.counts(page, selected.size()));
        return result;
    }

    private Map<String, Object> submit(JsonNode body, Instant now) {
        AuditQuery query = AuditQuery.parse(body);
        Execution execution = new Execution(query, query.select(audit.events()), now);
        executions.put(execution.id, execution);
        return executionStatus(execution, "Queued");
    }

    private Execution execution(String id) {
        Execution execution = executions.get(id);
        if (execution == null) {
            throw ApiError.notFound("Audit query " + id + " was not found");
        }
        return execution;
    }

    private Map<String, Object> poll(Execution execution) {
        execution.polls++;
        return executionStatus(execution, state(execution));
    }

    /**
     * Queued until polled; the last of {@code auditQueryPolls} polls succeeds; with three or more,
     * the first poll still says Queued and those between say Running.
     */
    private String state(Execution execution) {
        if (execution.polls >= settings.auditQueryPolls) {
            return "Succeeded";
        }
        if (execution.polls == 0 || (execution.polls == 1 && settings.auditQueryPolls >= 3)) {
            return "Queued";
        }
        return "Running";
    }

    private static Map<String, Object> executionStatus(Execution execution, String state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", execution.id);
        body.put("state", state);
        body.put("startDate", Times.format(execution.startDate));
        body.putAll(execution.query.toJson());
        return body;
    }

    private Map<String, Object> results(Execution execution, Call call) {
        if (!state(execution).equals("Succeeded")) {
            throw ApiError.badRequest("Audit query " + execution.id + " has not succeeded yet (state "
                    + state(execution) + "); poll GET /api/v2/audits/query/" + execution.id + " first");
        }
        int pageSize = call.intParameter("pageSize", Paging.DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        int offset = call.parameter("cursor").map(Paging::offset).orElse(0);
        if (offset > execution.results.size()) {
            throw ApiError.badRequest("cursor is not one this query issued", "INVALID_VALUE", "cursor");
        }
        int to = Math.min(execution.results.size(), offset + pageSize);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", execution.id);
        body.put("pageSize", pageSize);
        body.put("entities", execution.results.subList(offset, to).stream()
                .map(event -> event.toAuditLogMessage(Sandbox.ORGANIZATION_ID)).toList());
        if (to < execution.results.size()) {
            body.put("cursor", Paging.cursor(to));
        }
        return body;
    }
}
