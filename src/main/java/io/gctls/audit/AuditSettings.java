package io.gctls.audit;

import io.gctls.api.ApiClient;
import io.gctls.core.Environment;
import java.util.List;
import java.util.Locale;

/**
 * Where and what the audit commands read, configurable because the custom-domain API comes from the
 * product brief (SPEC §2.3 (B)): Genesys Cloud's public catalogue has no custom-domain service, so
 * its audit {@code serviceName} is an assumption ({@code CustomDomains}, what the sandbox records),
 * as are the brief's {@code entityType} and its {@code /api/v2/auditlogs} path.
 *
 * <p>Environment: {@code GCTLS_AUDIT_SERVICE}, {@code GCTLS_AUDIT_ENTITY_TYPE},
 * {@code GCTLS_AUDITLOGS_PATH}; {@code --service} beats them per command.
 */
public record AuditSettings(String serviceName, String entityType, String auditLogsPath) {

    public static final String SERVICE_VARIABLE = "GCTLS_AUDIT_SERVICE";
    public static final String ENTITY_TYPE_VARIABLE = "GCTLS_AUDIT_ENTITY_TYPE";
    public static final String PATH_VARIABLE = "GCTLS_AUDITLOGS_PATH";
    public static final String DEFAULT_SERVICE = "CustomDomains";
    public static final String DEFAULT_ENTITY_TYPE = "customdomain";

    /** The sources, by the names {@code --source} takes. */
    public static final List<String> SOURCES = List.of("realtime", "async", "auditlogs");

    public static AuditSettings defaults() {
        return new AuditSettings(DEFAULT_SERVICE, DEFAULT_ENTITY_TYPE, AuditLogsSource.DEFAULT_PATH);
    }

    public static AuditSettings from(Environment environment) {
        String path = environment.get(PATH_VARIABLE).orElse(AuditLogsSource.DEFAULT_PATH);
        return new AuditSettings(environment.get(SERVICE_VARIABLE).orElse(DEFAULT_SERVICE),
                environment.get(ENTITY_TYPE_VARIABLE).orElse(DEFAULT_ENTITY_TYPE),
                path.startsWith("/") ? path : "/" + path);
    }

    /** A filter on this service and entity type, to narrow with {@code with...}. */
    public AuditFilter filter() {
        return AuditFilter.service(serviceName, entityType);
    }

    /** The source {@code --source} names, over the session's client. */
    public AuditSource source(String name, ApiClient client) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "realtime" -> new RealtimeAuditSource(client);
            case "async" -> new AsyncAuditSource(client);
            case "auditlogs" -> new AuditLogsSource(client, auditLogsPath);
            default -> throw new IllegalArgumentException("audit source '" + name + "' is not one of " + SOURCES);
        };
    }
}
