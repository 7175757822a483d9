package io.gctls.sandbox;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import io.gctls.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The stateful Genesys Cloud emulator behind the WireMock transformer: OAuth, tokens/me, the
 * custom-domain store, audit events in both shapes, certificate details, the per-token rate limit
 * and the fault switches. One lock guards all state (the sandbox serves one engineer or one test
 * run; simplicity beats throughput here). WireMock-specific rendering lives in
 * {@link SandboxTransformer}.
 */
final class Emulator {

    /** What the transformer should do with a request: answer {@code reply}, after {@code fault} is applied. */
    record Answer(Reply reply, FaultSpec fault) {
    }

    static final int DEFAULT_PAGE_SIZE = 25;
    static final int MAX_DOMAIN_PAGE_SIZE = 100;
    static final int MAX_AUDIT_PAGE_SIZE = 500;
    static final Duration REALTIME_AUDIT_REACH = Duration.ofDays(14);

    private static final Pattern DOMAIN_ID = Pattern.compile("/api/v2/customdomains/([^/]+)");
    private static final Pattern AUDIT_QUERY = Pattern.compile("/api/v2/audits/query/([^/]+)");
    private static final Pattern AUDIT_RESULTS = Pattern.compile("/api/v2/audits/query/([^/]+)/results");

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

    private final Clock clock;
    private final SandboxOptions initial;
    private final TokenStore tokens = new TokenStore();
    private final RateLimiter rateLimiter = new RateLimiter();
    private final DomainStore domains = new DomainStore();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private final FaultSwitches faults = new FaultSwitches();
    private int ratePerMinute;
    private Duration tokenLifetime;
    private boolean jwtTokens;
    private int auditQueryPolls;

    Emulator(SandboxOptions options) {
        this.clock = options.clock();
        this.initial = options;
        resetSettings();
    }

    private void resetSettings() {
        ratePerMinute = initial.ratePerMinute();
        tokenLifetime = initial.tokenLifetime();
        jwtTokens = initial.jwtTokens();
        auditQueryPolls = initial.auditQueryPolls();
    }

    // ---- control (the Sandbox facade) ----

    synchronized void reset() {
        tokens.revokeAll();
        rateLimiter.clear();
        domains.clear();
        audit.clear();
        executions.clear();
        faults.clear();
        resetSettings();
    }

    synchronized void addFault(FaultSpec fault) {
        faults.add(fault);
    }

    synchronized void clearFaults() {
        faults.clear();
    }

    synchronized List<FaultSpec> faults() {
        return faults.list();
    }

    synchronized void ratePerMinute(int perMinute) {
        ratePerMinute = SandboxOptions.checkRate(perMinute);
    }

    synchronized int ratePerMinute() {
        return ratePerMinute;
    }

    synchronized void tokenLifetime(Duration lifetime) {
        tokenLifetime = SandboxOptions.checkLifetime(lifetime);
    }

    synchronized Duration tokenLifetime() {
        return tokenLifetime;
    }

    synchronized void jwtTokens(boolean jwt) {
        jwtTokens = jwt;
    }

    synchronized boolean jwtTokens() {
        return jwtTokens;
    }

    synchronized void auditQueryPolls(int polls) {
        auditQueryPolls = SandboxOptions.checkPolls(polls);
    }

    synchronized void revokeAllTokens() {
        tokens.revokeAll();
        rateLimiter.clear();
    }

    synchronized List<CustomDomain> domains() {
        return domains.all();
    }

    synchronized Optional<String> privateKeyPem(String domainId) {
        return domains.privateKeyPem(domainId);
    }

    /** A stored domain with its private key PEM, for the TLS front only; toString never shows the key. */
    record Deployed(CustomDomain domain, String privateKeyPem) {
        @Override
        public String toString() {
            return "Deployed[" + domain.domain() + " v" + domain.version() + "]";
        }
    }

    /**
     * Every stored domain with its key, in creation order, read under the one lock: a replace in
     * between cannot pair one version's certificate with another version's key.
     */
    synchronized List<Deployed> deployed() {
        return domains.all().stream()
                .map(d -> new Deployed(d, domains.privateKeyPem(d.id()).orElse(null)))
                .toList();
    }

    synchronized List<AuditEvent> auditEvents() {
        return List.copyOf(audit);
    }

    synchronized int liveTokens() {
        return tokens.liveCount(clock.instant());
    }

    /** Stores a domain as a create through the API would (validation, audit event), without HTTP. */
    synchronized CustomDomain putDomain(JsonNode body, String remoteIp) {
        return create(body, remoteIp, clock.instant());
    }

    // ---- requests ----

    synchronized Answer handle(Request request) {
        String method = request.getMethod().getName().toUpperCase(Locale.ROOT);
        String path = path(request.getUrl());
        String contextId = UUID.randomUUID().toString();
        Optional<FaultSpec> fault = faults.take(method, path);
        Reply reply;
        if (fault.isPresent() && fault.get().kind() == FaultSpec.Kind.STATUS) {
            reply = ApiError.forStatus(fault.get().status()).toReply(contextId);
        } else if (fault.isPresent() && fault.get().kind() == FaultSpec.Kind.RESET) {
            reply = Reply.noContent(); // never sent: the connection is reset before anything is handled
        } else {
            reply = route(request, method, path, contextId);
        }
        reply.header("inin-correlation-id", contextId);
        return new Answer(reply, fault.orElse(null));
    }

    private Reply route(Request request, String method, String path, String contextId) {
        Instant now = clock.instant();
        RateLimiter.Decision decision = null;
        try {
            if (path.equals("/oauth/token")) {
                return method.equals("POST") ? OAuth.token(request, this, now) : notFound(method, path);
            }
            if (!path.startsWith("/api/v2/")) {
                throw notFoundError(method, path);
            }
            String token = authenticate(request, now);
            decision = rateLimiter.hit(token, now, ratePerMinute);
            if (decision.exceeded()) {
                throw ApiError.tooManyRequests(decision.resetSeconds());
            }
            return withRate(api(request, method, path, token, now), decision);
        } catch (ApiError error) {
            return withRate(error.toReply(contextId), decision);
        }
    }

    private static Reply withRate(Reply reply, RateLimiter.Decision decision) {
        if (decision != null) {
            reply.header("inin-ratelimit-allowed", String.valueOf(decision.allowed()))
                    .header("inin-ratelimit-count", String.valueOf(decision.count()))
                    .header("inin-ratelimit-reset", String.valueOf(decision.resetSeconds()));
        }
        return reply;
    }

    private String authenticate(Request request, Instant now) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(401, "bad.credentials",
                    "No authentication bearer token specified in authorization header.", List.of());
        }
        String token = authorization.substring(7).strip();
        if (tokens.live(token, now).isEmpty()) {
            throw ApiError.badCredentials();
        }
        return token;
    }

    private Reply api(Request request, String method, String path, String token, Instant now) {
        Matcher matcher;
        if (path.equals("/api/v2/tokens/me")) {
            return switch (method) {
                case "GET" -> Reply.json(200, tokenInfo());
                case "DELETE" -> {
                    tokens.revoke(token);
                    yield Reply.noContent();
                }
                default -> notFound(method, path);
            };
        }
        if (path.equals("/api/v2/customdomains")) {
            return switch (method) {
                case "POST" -> {
                    CustomDomain created = create(jsonObject(request), request.getClientIp(), now);
                    yield Reply.json(201, created.toJson()).header("Location", created.selfUri());
                }
                case "GET" -> Reply.json(200, listDomains(request));
                default -> notFound(method, path);
            };
        }
        if ((matcher = DOMAIN_ID.matcher(path)).matches()) {
            String id = matcher.group(1);
            return switch (method) {
                case "GET" -> Reply.json(200, existing(id).toJson());
                case "PUT" -> Reply.json(200, replace(existing(id), jsonObject(request), request.getClientIp(), now)
                        .toJson());
                case "DELETE" -> {
                    delete(existing(id), request.getClientIp(), now);
                    yield Reply.noContent();
                }
                default -> notFound(method, path);
            };
        }
        if (path.equals("/api/v2/audits/query/realtime") && method.equals("POST")) {
            return Reply.json(200, realtime(jsonObject(request), now));
        }
        if (path.equals("/api/v2/audits/query") && method.equals("POST")) {
            return Reply.json(200, submit(jsonObject(request), now));
        }
        if ((matcher = AUDIT_RESULTS.matcher(path)).matches() && method.equals("GET")) {
            return Reply.json(200, results(execution(matcher.group(1)), request));
        }
        if ((matcher = AUDIT_QUERY.matcher(path)).matches() && method.equals("GET")) {
            return Reply.json(200, poll(execution(matcher.group(1))));
        }
        if (path.equals("/api/v2/auditlogs") && method.equals("GET")) {
            return Reply.json(200, auditLogs(request));
        }
        if (path.equals("/api/v2/certificate/details") && method.equals("POST")) {
            return Reply.json(200, certificateDetails(jsonObject(request), now));
        }
        return notFound(method, path);
    }

    // ---- OAuth ----

    /** {@code POST /oauth/token}: what Genesys's login service answers, errors in its OAuth shape. */
    private static final class OAuth {
        static Reply token(Request request, Emulator emulator, Instant now) {
            if (!clientAuthenticated(request.getHeader("Authorization"))) {
                return error(401, "invalid_client", "authentication failed");
            }
            String contentType = Optional.ofNullable(request.getHeader("Content-Type")).orElse("");
            if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                return error(400, "invalid_request", "the token request must be an "
                        + "application/x-www-form-urlencoded form with grant_type=client_credentials, not "
                        + (contentType.isEmpty() ? "a body without a Content-Type" : contentType));
            }
            String grant = Forms.value(request.getBodyAsString(), "grant_type");
            if (!"client_credentials".equals(grant)) {
                return error(400, "unsupported_grant_type", grant == null
                        ? "grant_type is required; this client may only use client_credentials"
                        : "grant type '" + grant + "' is not supported; use client_credentials");
            }
            TokenStore.Token token = emulator.tokens.issue(now, emulator.tokenLifetime, emulator.jwtTokens,
                    Sandbox.CLIENT_ID, Sandbox.SCOPES);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", token.value());
            body.put("token_type", "bearer");
            body.put("expires_in", emulator.tokenLifetime.toSeconds());
            return Reply.json(200, body).header("Cache-Control", "no-store");
        }

        private static boolean clientAuthenticated(String authorization) {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return false;
            }
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                return pair.equals(Sandbox.CLIENT_ID + ":" + Sandbox.CLIENT_SECRET);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static Reply error(int status, String error, String description) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error);
            body.put("description", description);
            body.put("error_description", description);
            return Reply.json(status, body);
        }
    }

    private Map<String, Object> tokenInfo() {
        Map<String, Object> organization = Map.of("id", Sandbox.ORGANIZATION_ID, "name", Sandbox.ORGANIZATION_NAME);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("id", Sandbox.CLIENT_ID);
        client.put("name", Sandbox.CLIENT_NAME);
        client.put("organization", Map.of("id", Sandbox.ORGANIZATION_ID));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", organization);
        body.put("homeOrganization", organization);
        body.put("authorizedScope", Sandbox.SCOPES);
        body.put("OAuthClient", client);
        return body;
    }

    // ---- custom domains ----

    private CustomDomain create(JsonNode body, String remoteIp, Instant now) {
        DomainUpload upload = DomainUpload.parse(body, true, now);
        Optional<CustomDomain> duplicate = domains.byDomain(upload.domain());
        if (duplicate.isPresent()) {
            throw new ApiError(409, "duplicate.value", "Custom domain " + upload.domain() + " already exists (id "
                    + duplicate.get().id() + ")", List.of(new ApiError.Detail("DUPLICATE_DOMAIN", "domain")));
        }
        CustomDomain created = domains.create(upload, now);
        record("Create", created, List.of(change("certificateFingerprint", null, created.certificateFingerprint())),
                remoteIp, now, "Custom domain " + created.domain() + " created");
        return created;
    }

    private CustomDomain replace(CustomDomain existing, JsonNode body, String remoteIp, Instant now) {
        DomainUpload upload = DomainUpload.parse(body, false, now);
        if (upload.domain() != null && !upload.domain().equals(existing.domain())) {
            throw ApiError.badRequest("domain cannot change on a replace: " + existing.id() + " is "
                    + existing.domain() + ", the body says " + upload.domain(), "INVALID_VALUE", "domain");
        }
        CustomDomain replaced = domains.replace(existing, upload, now);
        List<AuditEvent.PropertyChange> changes = new ArrayList<>();
        changes.add(change("certificateFingerprint", existing.certificateFingerprint(),
                replaced.certificateFingerprint()));
        if (!existing.tlsVersion().equals(replaced.tlsVersion())) {
            changes.add(change("settings.tlsVersion", existing.tlsVersion(), replaced.tlsVersion()));
        }
        if (existing.ocspStapling() != replaced.ocspStapling()) {
            changes.add(change("settings.ocspStapling", String.valueOf(existing.ocspStapling()),
                    String.valueOf(replaced.ocspStapling())));
        }
        record("Update", replaced, changes, remoteIp, now, "Custom domain " + replaced.domain()
                + " certificate replaced (version " + replaced.version() + ")");
        return replaced;
    }

    private void delete(CustomDomain existing, String remoteIp, Instant now) {
        domains.delete(existing.id());
        record("Delete", existing, List.of(change("certificateFingerprint", existing.certificateFingerprint(), null)),
                remoteIp, now, "Custom domain " + existing.domain() + " deleted");
    }

    private CustomDomain existing(String id) {
        return domains.byId(id).orElseThrow(() -> ApiError.notFound("Custom domain " + id + " was not found"));
    }

    private Map<String, Object> listDomains(Request request) {
        int pageNumber = intParameter(request, "pageNumber", 1, 1, Integer.MAX_VALUE);
        int pageSize = intParameter(request, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_DOMAIN_PAGE_SIZE);
        String filter = parameter(request, "domain").map(d -> d.strip().toLowerCase(Locale.ROOT)).orElse(null);
        List<CustomDomain> selected = domains.all().stream()
                .filter(d -> filter == null || d.domain().equals(filter)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entities", DomainStore.page(selected, pageNumber, pageSize).stream().map(CustomDomain::toJson)
                .toList());
        body.putAll(paging(pageNumber, pageSize, selected.size(), "/api/v2/customdomains",
                filter == null ? "" : "&domain=" + Forms.encode(filter)));
        return body;
    }

    /** Genesys list paging fields, with the navigation URIs its entity listings carry. */
    private static Map<String, Object> paging(int pageNumber, int pageSize, int total, String path, String extra) {
        int pageCount = (total + pageSize - 1) / pageSize;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pageNumber", pageNumber);
        body.put("pageSize", pageSize);
        body.put("total", total);
        body.put("pageCount", pageCount);
        String uri = path + "?pageSize=" + pageSize + extra + "&pageNumber=";
        body.put("selfUri", uri + pageNumber);
        body.put("firstUri", uri + 1);
        body.put("lastUri", uri + Math.max(1, pageCount));
        if (pageNumber < pageCount) {
            body.put("nextUri", uri + (pageNumber + 1));
        }
        if (pageNumber > 1) {
            body.put("previousUri", uri + Math.min(pageNumber - 1, Math.max(1, pageCount)));
        }
        return body;
    }

    // ---- audit ----

    private void record(String action, CustomDomain domain, List<AuditEvent.PropertyChange> changes, String remoteIp,
            Instant now, String message) {
        audit.add(new AuditEvent(UUID.randomUUID().toString(), now, Sandbox.AUDIT_SERVICE_NAME, "USER", action,
                Sandbox.AUDIT_ENTITY_TYPE, domain.id(), domain.domain(), "SUCCESS", Sandbox.CLIENT_ID,
                Sandbox.CLIENT_NAME, Sandbox.CLIENT_ID, Sandbox.CLIENT_NAME, remoteIp, message, changes));
    }

    private static AuditEvent.PropertyChange change(String property, String oldValue, String newValue) {
        return new AuditEvent.PropertyChange(property, oldValue == null ? List.of() : List.of(oldValue),
                newValue == null ? List.of() : List.of(newValue));
    }

    private Map<String, Object> realtime(JsonNode body, Instant now) {
        AuditQuery query = AuditQuery.parse(body);
        if (query.start().isBefore(now.minus(REALTIME_AUDIT_REACH))) {
            throw ApiError.badRequest("The real-time audit query reaches at most 14 days back; interval starts "
                    + Times.format(query.start()) + ". Use POST /api/v2/audits/query for older events",
                    "INTERVAL_TOO_OLD", "interval");
        }
        int pageNumber = intField(body, "pageNumber", 1, 1, Integer.MAX_VALUE);
        int pageSize = intField(body, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_AUDIT_PAGE_SIZE);
        List<AuditEvent> selected = query.select(audit);
        int from = (int) Math.min(selected.size(), (long) (pageNumber - 1) * pageSize);
        int to = Math.min(selected.size(), from + pageSize);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("entities", selected.subList(from, to).stream()
                .map(event -> event.toAuditLogMessage(Sandbox.ORGANIZATION_ID)).toList());
        result.put("pageNumber", pageNumber);
        result.put("pageSize", pageSize);
        result.put("total", selected.size());
        result.put("pageCount", (selected.size() + pageSize - 1) / pageSize);
        return result;
    }

    private Map<String, Object> submit(JsonNode body, Instant now) {
        AuditQuery query = AuditQuery.parse(body);
        Execution execution = new Execution(query, query.select(audit), now);
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
        if (execution.polls >= auditQueryPolls) {
            return "Succeeded";
        }
        if (execution.polls == 0 || (execution.polls == 1 && auditQueryPolls >= 3)) {
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

    private Map<String, Object> results(Execution execution, Request request) {
        if (!state(execution).equals("Succeeded")) {
            throw ApiError.badRequest("Audit query " + execution.id + " has not succeeded yet (state "
                    + state(execution) + "); poll GET /api/v2/audits/query/" + execution.id + " first");
        }
        int pageSize = intParameter(request, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_AUDIT_PAGE_SIZE);
        int offset = parameter(request, "cursor").map(Emulator::offsetOf).orElse(0);
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
            body.put("cursor", cursorOf(to));
        }
        return body;
    }

    private static String cursorOf(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int offsetOf(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (decoded.matches("offset:\\d{1,9}")) {
                return Integer.parseInt(decoded.substring("offset:".length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw ApiError.badRequest("cursor is not one this query issued", "INVALID_VALUE", "cursor");
    }

    /** The brief's {@code GET /api/v2/auditlogs}: oldest first, {@code nextPage} while more remain. */
    private Map<String, Object> auditLogs(Request request) {
        int page = intParameter(request, "page", 1, 1, Integer.MAX_VALUE);
        int pageSize = intParameter(request, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_DOMAIN_PAGE_SIZE);
        Optional<String> entityType = parameter(request, "entityType");
        Optional<String> eventId = parameter(request, "eventId");
        Optional<String> targetId = parameter(request, "targetId");
        Optional<String> actorId = parameter(request, "actorId");
        List<AuditEvent> selected = audit.stream()
                .filter(e -> entityType.map(e.entityType()::equalsIgnoreCase).orElse(true))
                .filter(e -> eventId.map(e.eventId()::equalsIgnoreCase).orElse(true))
                .filter(e -> targetId.map(e.entityId()::equals).orElse(true))
                .filter(e -> actorId.map(e.userId()::equals).orElse(true))
                .toList();
        int from = (int) Math.min(selected.size(), (long) (page - 1) * pageSize);
        int to = Math.min(selected.size(), from + pageSize);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity", selected.subList(from, to).stream().map(AuditEvent::toAuditLogEntry).toList());
        if (to < selected.size()) {
            StringBuilder next = new StringBuilder("/api/v2/auditlogs?pageSize=").append(pageSize);
            entityType.ifPresent(v -> next.append("&entityType=").append(Forms.encode(v)));
            eventId.ifPresent(v -> next.append("&eventId=").append(Forms.encode(v)));
            targetId.ifPresent(v -> next.append("&targetId=").append(Forms.encode(v)));
            actorId.ifPresent(v -> next.append("&actorId=").append(Forms.encode(v)));
            body.put("nextPage", next.append("&page=").append(page + 1).toString());
        }
        return body;
    }

    // ---- certificate details ----

    private Map<String, Object> certificateDetails(JsonNode body, Instant now) {
        JsonNode pem = body.get("certificate");
        if (pem == null || !pem.isString() || pem.stringValue().isBlank()) {
            throw ApiError.badRequest("certificate is required", "MISSING_FIELD", "certificate");
        }
        List<CertificateCheck.Parsed> certificates;
        try {
            certificates = CertificateCheck.certificates(pem.stringValue(), "certificate");
        } catch (CertificateCheck.Refused e) {
            throw ApiError.badRequest(e.getMessage(), e.problem().errorCode(), e.problem().fieldName());
        }
        List<Map<String, Object>> details = new ArrayList<>();
        for (CertificateCheck.Parsed certificate : certificates) {
            boolean expired = now.isAfter(certificate.notAfter());
            boolean current = !expired && !now.isBefore(certificate.notBefore());
            boolean signatureValid = CertificateCheck.signatureValid(certificate, certificates);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("issuer", certificate.issuer());
            entry.put("subject", certificate.subject());
            entry.put("issueDate", Times.format(certificate.notBefore()));
            entry.put("expirationDate", Times.format(certificate.notAfter()));
            entry.put("expired", expired);
            entry.put("valid", current && signatureValid);
            entry.put("signatureValid", signatureValid);
            details.add(entry);
        }
        return Map.of("certificateDetails", details);
    }

    // ---- request helpers ----

    private static JsonNode jsonObject(Request request) {
        String body = request.getBodyAsString();
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw ApiError.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("The request body must be a JSON object");
        }
        return node;
    }

    private static Optional<String> parameter(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() && !parameter.firstValue().isBlank()
                ? Optional.of(parameter.firstValue()) : Optional.empty();
    }

    private static int intParameter(Request request, String name, int fallback, int min, int max) {
        return parameter(request, name).map(value -> bounded(name, value, min, max)).orElse(fallback);
    }

    private static int intField(JsonNode body, String name, int fallback, int min, int max) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        return bounded(name, node.isString() ? node.stringValue() : node.toString(), min, max);
    }

    private static int bounded(String name, String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number, not '" + value + "'", "INVALID_VALUE", name);
        }
        if (number < min || number > max) {
            throw ApiError.badRequest(name + " must be between " + min + " and " + max + ", not " + number,
                    "INVALID_VALUE", name);
        }
        return number;
    }

    private static ApiError notFoundError(String method, String path) {
        return ApiError.notFound("The sandbox has no resource " + method + " " + path);
    }

    private static Reply notFound(String method, String path) {
        throw notFoundError(method, path);
    }

    private static String path(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
