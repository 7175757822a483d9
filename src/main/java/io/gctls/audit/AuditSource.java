package io.gctls.audit;

import io.gctls.api.ApiClient;
import io.gctls.core.Cancellation;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One way of reading the audit log (docs/api.md "Audit log"): Genesys's real-time query (the default), its
 * asynchronous query for older ranges, or {@code /api/v2/auditlogs} (marked B). Each maps its
 * shape to {@link AuditEvent}; {@link AuditReader} joins the pages within the bounds.
 */
public interface AuditSource {

    /**
     * The source {@code --source} names ({@link AuditSettings#SOURCES}), over the session's client;
     * {@code auditLogsPath} is where the auditlogs endpoint is (the connection's configured path).
     */
    static AuditSource named(String name, ApiClient client, String auditLogsPath) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "realtime" -> new RealtimeAuditSource(client);
            case "async" -> new AsyncAuditSource(client);
            case "auditlogs" -> new AuditLogsSource(client, auditLogsPath);
            default -> throw new IllegalArgumentException("audit source '" + name + "' is not one of "
                    + AuditSettings.SOURCES);
        };
    }

    /** {@code realtime}, {@code async} or {@code auditlogs}. */
    String name();

    /**
     * Checks the query before its first page (the real-time query refuses windows it cannot reach)
     * and returns the one to read; called once per read, so every page asks for the same window.
     */
    default AuditQuery prepare(AuditQuery query, Instant now, Consumer<String> progress) {
        return query;
    }

    /**
     * Reads one page of {@code query}: the first when {@code next} is null, else the one the previous
     * page pointed to. Requests go through the session's API client, so retries and tokens are its.
     */
    AuditPage page(AuditQuery query, AuditPage.Next next, Cancellation cancellation, Consumer<String> progress);
}
