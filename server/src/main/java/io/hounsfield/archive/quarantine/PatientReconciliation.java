package io.hounsfield.archive.quarantine;

import io.hounsfield.archive.store.InstanceStore;
import io.hounsfield.archive.store.StoreLayout;
import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.PatientsMerged;
import java.io.IOException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When a patient is merged into another (HL7 A40, or a trauma patient reconciled to the real one), the
 * stored objects take the surviving patient's identity: Patient ID, issuer, name, birth date and sex are
 * rewritten in every file (atomically, fsync'ed) and in the index, and the old ID is kept in Other Patient
 * IDs Sequence (IHE PIR; DOMAIN.md SAF-40). Runs after the merge has committed.
 */
@Component
class PatientReconciliation {

    private static final System.Logger LOG = System.getLogger(PatientReconciliation.class.getName());

    private final JdbcClient jdbc;
    private final StoreLayout layout;
    private final InstanceStore store;
    private final PatientService patients;
    private final AuditService audit;

    PatientReconciliation(JdbcClient jdbc, StoreLayout layout, InstanceStore store, PatientService patients,
            AuditService audit) {
        this.jdbc = jdbc;
        this.layout = layout;
        this.store = store;
        this.patients = patients;
        this.audit = audit;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void patientsMerged(PatientsMerged merge) throws IOException {
        Patient survivor = patients.get(merge.survivorId());
        PatientIdentifier prior = merge.priorIdentifier();
        List<Long> studies = jdbc.sql("""
                SELECT id FROM archive_study WHERE patient_id = ? AND issuer_of_patient_id IN (?, '')""")
                .params(prior.value(), prior.issuer()).query(Long.class).list();
        for (long study : studies) {
            for (String file : files(study)) {
                PatientIdentityRewrite.rewrite(store, file, layout.newTemporaryFile(), survivor,
                        prior.value(), prior.issuer(), null);
            }
            updateIndex(study, survivor);
            audit.record(Actor.SYSTEM, AuditEntry.success("STUDY_RECONCILED", "STUDY", String.valueOf(study))
                    .forPatient(survivor.identifier().toString()).withDetail("was " + prior));
        }
    }

    private List<String> files(long study) {
        return jdbc.sql("""
                SELECT i.file_path FROM archive_instance i JOIN archive_series s ON s.id = i.series_id
                WHERE s.study_id = ?""").param(study).query(String.class).list();
    }

    private void updateIndex(long study, Patient survivor) {
        var person = survivor.demographics();
        jdbc.sql("""
                UPDATE archive_study SET patient_id = ?, issuer_of_patient_id = ?, patient_name = ?,
                       patient_birth_date = ?, patient_sex = ?, updated_at = now()
                WHERE id = ?""")
                .params(survivor.identifier().value(), survivor.identifier().issuer(), person.dicomName(),
                        person.birthDate(), person.sex().name(), study)
                .update();
    }
}
