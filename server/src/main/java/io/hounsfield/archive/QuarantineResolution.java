package io.hounsfield.archive;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import java.nio.file.Files;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves a quarantined study by filing it under the patient of the exam its accession number names: the patient
 * attributes of every quarantined file are rewritten (atomically, fsync'ed; the old Patient ID kept in Other
 * Patient IDs Sequence), the index updated and the instances released to query and retrieval.
 */
@Component
class QuarantineResolution {
    private final JdbcClient jdbc;
    private final StoreLayout layout;
    private final ExamService exams;
    private final PatientService patients;
    private final AuditService audit;

    QuarantineResolution(JdbcClient jdbc, StoreLayout layout, ExamService exams, PatientService patients,
            AuditService audit) {
        this.jdbc = jdbc;
        this.layout = layout;
        this.exams = exams;
        this.patients = patients;
        this.audit = audit;
    }

    /** Files the quarantined instances of the study under the ordered patient; returns how many were released. */
    @Transactional
    int assignToOrderedPatient(String studyInstanceUid, Actor actor) {
        record Study(long id, String accessionNumber, String patientId) {
        }
        Study study = jdbc.sql("SELECT id, accession_number, patient_id FROM archive_study WHERE study_instance_uid = ?"
                + " FOR UPDATE").param(studyInstanceUid)
                .query((row, number) -> new Study(row.getLong(1), row.getString(2), row.getString(3))).optional()
                .orElseThrow(() -> new IllegalArgumentException("no such study"));
        Exam exam = exams.findByAccession(study.accessionNumber())
                .orElseThrow(() -> new IllegalArgumentException("no exam has accession " + study.accessionNumber()));
        Patient patient = patients.get(exam.patientId());
        List<String> files = jdbc.sql("""
                SELECT i.file_path FROM archive_instance i JOIN archive_series se ON se.id = i.series_id
                WHERE se.study_id = ? AND i.quarantine_reason IS NOT NULL""").param(study.id()).query(String.class)
                .list();
        for (String file : files) {
            PatientIdentityRewrite.rewrite(layout.resolve(file), layout.newTemporaryFile(), patient, study.patientId(),
                    null);
        }
        Demographics person = patient.demographics();
        jdbc.sql("""
                UPDATE archive_study SET patient_id = ?, issuer_of_patient_id = ?, patient_name = ?,
                    patient_birth_date = ?, patient_sex = ?, updated_at = now() WHERE id = ?""")
                .params(patient.identifier().value(), patient.identifier().issuer(), person.dicomName(),
                        person.birthDate(), person.sex().name(), study.id()).update();
        jdbc.sql("""
                UPDATE archive_instance SET quarantine_reason = NULL WHERE quarantine_reason IS NOT NULL
                    AND series_id IN (SELECT id FROM archive_series WHERE study_id = ?)""").param(study.id()).update();
        audit.record(actor, AuditEntry.success("QUARANTINE_RESOLVED", "STUDY", studyInstanceUid)
                .forPatient(patient.identifier().toString())
                .withDetail(files.size() + " instances filed under the ordered patient; Patient ID was '"
                        + study.patientId() + "'"));
        return files.size();
    }
}
