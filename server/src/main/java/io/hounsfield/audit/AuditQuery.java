package io.hounsfield.audit;

import java.time.Instant;

/** Filters for the audit search; a null or blank field does not filter. */
public record AuditQuery(String actor, String patientId, String action, Instant from, Instant to, int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        actor = blankToNull(actor);
        patientId = blankToNull(patientId);
        action = blankToNull(action);
        limit = limit <= 0 ? 200 : Math.min(limit, MAX_LIMIT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
