package io.hounsfield.audit;

import java.time.Instant;

/**
 * Filters for the audit search; a null or blank field does not filter. A long trail is read page by page:
 * {@code offset} rows (newest first) are skipped, and {@code upToId} (if not null) holds the pages still while new
 * events are written, the search's own among them.
 */
public record AuditQuery(String actor, String patientId, String action, Instant from, Instant to, int limit,
        int offset, Long upToId) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        actor = blankToNull(actor);
        patientId = blankToNull(patientId);
        action = blankToNull(action);
        limit = limit <= 0 ? 200 : Math.min(limit, MAX_LIMIT);
        offset = Math.max(offset, 0);
    }

    /** The first page. */
    public AuditQuery(String actor, String patientId, String action, Instant from, Instant to, int limit) {
        this(actor, patientId, action, from, to, limit, 0, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
