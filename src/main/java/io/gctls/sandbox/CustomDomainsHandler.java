package io.gctls.sandbox;

import static io.gctls.sandbox.AuditTrail.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Custom domains: create ({@code 409} on a duplicate, {@code 400} on a bad certificate), the paged
 * list (optionally filtered by {@code domain}), get, replace and delete, each change recorded in
 * the audit trail.
 */
final class CustomDomainsHandler implements Routes.Area {

    static final String PATH = "/api/v2/customdomains";
    static final int MAX_PAGE_SIZE = 100;

    private final DomainStore domains;
    private final AuditTrail audit;

    CustomDomainsHandler(DomainStore domains, AuditTrail audit) {
        this.domains = domains;
        this.audit = audit;
    }

    @Override
    public void register(Routes routes) {
        String one = PATH + "/([^/]+)";
        routes.add("POST", PATH, this::create)
                .add("GET", PATH, call -> Reply.json(200, list(call)))
                .add("GET", one, call -> Reply.json(200, existing(call.pathParameter(0)).toJson()))
                .add("PUT", one, call -> Reply.json(200, replace(existing(call.pathParameter(0)), call.json(),
                        call.remoteIp(), call.now()).toJson()))
                .add("DELETE", one, this::delete);
    }

    private Reply create(Call call) {
        CustomDomain created = create(call.json(), call.remoteIp(), call.now());
        return Reply.json(201, created.toJson()).header("Location", created.selfUri());
    }

    CustomDomain create(JsonNode body, String remoteIp, Instant now) {
        DomainUpload upload = DomainUpload.parse(body, true, now);
        Optional<CustomDomain> duplicate = domains.byDomain(upload.domain());
        if (duplicate.isPresent()) {
            throw new ApiError(409, "duplicate.value", "Custom domain " + upload.domain() + " already exists (id "
                    + duplicate.get().id() + ")", List.of(new ApiError.Detail("DUPLICATE_DOMAIN", "domain")));
        }
        CustomDomain created = domains.create(upload, now);
        audit.record("Create", created, List.of(change("certificateFingerprint", null,
                created.certificateFingerprint())), remoteIp, now, "Custom domain " + created.domain() + " created");
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
        audit.record("Update", replaced, changes, remoteIp, now, "Custom domain " + replaced.domain()
                + " certificate replaced (version " + replaced.version() + ")");
        return replaced;
    }

    private Reply delete(Call call) {
        CustomDomain existing = existing(call.pathParameter(0));
        domains.delete(existing.id());
        audit.record("Delete", existing, List.of(change("certificateFingerprint", existing.certificateFingerprint(),
                null)), call.remoteIp(), call.now(), "Custom domain " + existing.domain() + " deleted");
        return Reply.noContent();
    }

    private CustomDomain existing(String id) {
        return domains.byId(id).orElseThrow(() -> ApiError.notFound("Custom domain " + id + " was not found"));
    }

    private Map<String, Object> list(Call call) {
        Paging.Page page = Paging.fromQuery(call, "pageNumber", "pageSize", MAX_PAGE_SIZE);
        String filter = call.parameter("domain").map(d -> d.strip().toLowerCase(Locale.ROOT)).orElse(null);
        List<CustomDomain> selected = filter == null ? domains.all()
                : domains.byDomain(filter).filter(d -> d.domain().equals(filter)).map(List::of).orElse(List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entities", page.slice(selected).stream().map(CustomDomain::toJson).toList());
        body.putAll(Paging.entityListing(page, selected.size(), PATH,
                filter == null ? "" : "&domain=" + Forms.encode(filter)));
        return body;
    }
}
