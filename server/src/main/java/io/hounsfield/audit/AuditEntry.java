package io.hounsfield.audit;

/**
 * What happened, before it is stamped with who, when and from where.
 *
 * @param action past-tense verb in capitals, e.g. {@code USER_CREATED}, {@code STUDY_VIEWED}
 * @param patientId the patient whose data was read or changed, if any
 */
public record AuditEntry(
        String action, String objectType, String objectId, String patientId, AuditOutcome outcome, String detail) {

    public static AuditEntry success(String action, String objectType, String objectId) {
        return new AuditEntry(action, objectType, objectId, null, AuditOutcome.SUCCESS, null);
    }

    public static AuditEntry failure(String action, String objectType, String objectId, String detail) {
        return new AuditEntry(action, objectType, objectId, null, AuditOutcome.FAILURE, detail);
    }

    public AuditEntry forPatient(String patientId) {
        return new AuditEntry(action, objectType, objectId, patientId, outcome, detail);
    }

    public AuditEntry withDetail(String detail) {
        return new AuditEntry(action, objectType, objectId, patientId, outcome, detail);
    }
}
