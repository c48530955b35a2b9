package io.hounsfield.audit;

import java.time.Instant;

/**
 * One row of the append-only audit trail. Actions and object types are stored as codes (EXAM_STARTED), which the
 * search filters on; the page shows them in words with the code beside them for a search. {@code patientsSeen} are
 * all the patients a read showed (a board, a query's matches).
 */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String actor,
        String actorRole,
        String action,
        String objectType,
        String objectId,
        String patientId,
        String sourceAddress,
        AuditOutcome outcome,
        String detail,
        java.util.List<String> patientsSeen) {

    /** "EXAM_STARTED" as "Exam started". */
    public String actionInWords() {
        return inWords(action);
    }

    /** "EXAM" as "Exam". */
    public String objectTypeInWords() {
        return inWords(objectType);
    }

    static String inWords(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
