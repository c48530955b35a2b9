package io.hounsfield.audit;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What happened, before it is stamped with who, when and from where.
 *
 * @param action past-tense verb in capitals, e.g. {@code USER_CREATED}, {@code STUDY_VIEWED}
 * @param patientId the patient whose data was read or changed, if any
 * @param patientsSeen every patient whose data the event showed (a board's rows, a query's matches), at most
 *     {@link #MAX_PATIENTS_SEEN}; a single one is also {@code patientId}
 */
public record AuditEntry(String action, String objectType, String objectId, String patientId, AuditOutcome outcome,
        String detail, List<String> patientsSeen) {

    public static final int MAX_PATIENTS_SEEN = 5000;

    public AuditEntry {
        patientsSeen = patientsSeen == null ? List.of() : List.copyOf(patientsSeen);
    }

    public AuditEntry(String action, String objectType, String objectId, String patientId, AuditOutcome outcome,
            String detail) {
        this(action, objectType, objectId, patientId, outcome, detail, List.of());
    }

    public static AuditEntry success(String action, String objectType, String objectId) {
        return new AuditEntry(action, objectType, objectId, null, AuditOutcome.SUCCESS, null);
    }

    public static AuditEntry failure(String action, String objectType, String objectId, String detail) {
        return new AuditEntry(action, objectType, objectId, null, AuditOutcome.FAILURE, detail);
    }

    public AuditEntry forPatient(String patientId) {
        return new AuditEntry(action, objectType, objectId, patientId, outcome, detail, patientsSeen);
    }

    /** The patients a read showed, whoever they are; the one patient when it showed only one. */
    public AuditEntry forPatients(Collection<String> patients) {
        List<String> seen = patients.stream().filter(Objects::nonNull).map(String::strip)
                .filter(patient -> !patient.isEmpty()).distinct().limit(MAX_PATIENTS_SEEN).toList();
        String one = patientId != null ? patientId : seen.size() == 1 ? seen.get(0) : null;
        return new AuditEntry(action, objectType, objectId, one, outcome, detail, seen);
    }

    public AuditEntry withDetail(String detail) {
        return new AuditEntry(action, objectType, objectId, patientId, outcome, detail, patientsSeen);
    }

    /** The single patient and those seen, once each. */
    List<String> allPatients() {
        if (patientId == null || patientsSeen.contains(patientId)) {
            return patientsSeen;
        }
        List<String> all = new java.util.ArrayList<>(patientsSeen.size() + 1);
        all.add(patientId);
        all.addAll(patientsSeen);
        return all;
    }
}
