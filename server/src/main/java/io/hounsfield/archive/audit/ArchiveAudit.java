package io.hounsfield.archive.audit;

import io.hounsfield.archive.index.IndexEntry;
import io.hounsfield.archive.index.StoreOutcome;
import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.net.service.AssociationInfo;
import io.hounsfield.dicom.net.service.StoreRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The archive's audit trail. Stores are audited once per study and session ({@code STUDY_STORED}, on its first
 * instance in an association, web request or import run), not per instance, so that a 2,000-image CT is one line; quarantined instances, failures and refusals
 * are audited one by one.
 */
@Component
public class ArchiveAudit {
    private final AuditService audit;

    ArchiveAudit(AuditService audit) {
        this.audit = audit;
    }

    public static Actor actor(AssociationInfo association) {
        String address = association.remoteAddress() == null ? null
                : association.remoteAddress().getAddress().getHostAddress();
        return new Actor(association.callingAeTitle().strip(), "DICOM", address);
    }

    public static String patient(String patientId, String issuer) {
        if (patientId == null || patientId.isBlank()) {
            return null;
        }
        return issuer == null || issuer.isBlank() ? patientId : patientId + "^^^" + issuer;
    }

    /** The patients of query result rows (their {@code patient_id} and {@code issuer_of_patient_id}). */
    public static List<String> patients(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> patient((String) row.get("patient_id"), (String) row.get("issuer_of_patient_id")))
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    /**
     * Audits a store by {@code actor}, in the ingest transaction: the instance if it was quarantined, and the study
     * on its first instance of the session, whose name ({@code session}: "association ...", a web request's or import
     * run's name) is the line's detail.
     */
    public void stored(Actor actor, StoreOutcome outcome, boolean firstOfStudy, String session) {
        IndexEntry.Study study = outcome.entry().study();
        String patient = patient(study.patientId(), study.issuerOfPatientId());
        if (outcome.quarantineReason() != null) {
            audit.record(actor, AuditEntry.success("INSTANCE_QUARANTINED", "INSTANCE",
                    outcome.entry().instance().sopInstanceUid()).forPatient(patient)
                    .withDetail(outcome.quarantineReason()));
        }
        if (firstOfStudy) {
            audit.record(actor, AuditEntry.success("STUDY_STORED", "STUDY", study.studyInstanceUid())
                    .forPatient(patient).withDetail(session));
        }
    }

    public void storeFailed(StoreRequest request, String why) {
        storeFailed(actor(request.association()), request.sopInstanceUid(), why);
    }

    public void storeFailed(Actor actor, String sopInstanceUid, String why) {
        audit.record(actor, AuditEntry.failure("INSTANCE_STORE_FAILED", "INSTANCE", sopInstanceUid, why));
    }

    public void refused(AssociationInfo association, String operation, String why) {
        audit.record(actor(association), AuditEntry.failure("DICOM_REQUEST_REFUSED", "AE",
                association.callingAeTitle().strip(), operation + ": " + why));
    }
}
