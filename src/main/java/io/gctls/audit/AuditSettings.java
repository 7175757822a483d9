package io.gctls.audit;

import io.gctls.core.Environment;
import java.util.List;

/**
 * What the audit commands select by default, configurable because the custom-domain API comes
 * from outside the public catalogue (docs/api.md "Custom domains (B)", "Audit log"): Genesys Cloud's public catalogue has no custom-domain
 * service, so its audit {@code serviceName} ({@code CustomDomains}, what the sandbox records) and
 * the auditlogs shape's {@code entityType} are assumptions. Environment: {@code GCTLS_AUDIT_SERVICE},
 * {@code GCTLS_AUDIT_ENTITY_TYPE}; {@code --service} beats them per command. The
 * {@code /api/v2/auditlogs} path is the connection's ({@code GCTLS_AUDITLOGS_PATH}, profile
 * {@code [paths]}).
 */
public record AuditSettings(String serviceName, String entityType) {

    public static final String SERVICE_VARIABLE = "GCTLS_AUDIT_SERVICE";
    public static final String ENTITY_TYPE_VARIABLE = "GCTLS_AUDIT_ENTITY_TYPE";
    public static final String DEFAULT_SERVICE = "CustomDomains";
    public static final String DEFAULT_ENTITY_TYPE = "customdomain";

    /** The sources, by the names {@code --source} takes. */
    public static final List<String> SOURCES = List.of("realtime", "async", "auditlogs");

    public static AuditSettings defaults() {
        return new AuditSettings(DEFAULT_SERVICE, DEFAULT_ENTITY_TYPE);
    }

    public static AuditSettings from(Environment environment) {
        return new AuditSettings(environment.get(SERVICE_VARIABLE).orElse(DEFAULT_SERVICE),
                environment.get(ENTITY_TYPE_VARIABLE).orElse(DEFAULT_ENTITY_TYPE));
    }

    /** A filter on this service and entity type, to narrow with {@code with...}. */
    public AuditFilter filter() {
        return AuditFilter.service(serviceName, entityType);
    }
}
