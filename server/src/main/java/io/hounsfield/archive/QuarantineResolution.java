package io.hounsfield.archive;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Resolves a quarantined study, one of two ways. Filed under an exam: the patient attributes and the Accession
 * Number of every quarantined file are rewritten (atomically, fsync'ed; the old Patient ID kept in Other Patient IDs
 * Sequence), the index updated and the instances released to query and retrieval. Rejected: the quarantined files
 * and their index rows are deleted, as images of nobody's exam must not stay in the archive.
 */
@Component
class QuarantineResolution {
    private final JdbcClient jdbc;
    private final ArchiveIndex index;
    private final StoreLayout layout;
    private final ExamService exams;
    private final PatientService patients;
    private final AuditService audit;

    QuarantineResolution(JdbcClient jdbc, ArchiveIndex index, StoreLayout layout, ExamService exams,
            PatientService patients, AuditService audit) {
        this.jdbc = jdbc;
        this.index = index;
        this.layout = layout;
        this.exams = exams;
        this.patients = patients;
        this.audit = audit;
    }

    private record Study(long id, String accessionNumber, String patientId) {
    }

    /**
     * Files the quarantined instances of the study under the exam with {@code accessionNumber} (blank: the one the
     * study's own accession number names); returns how many were released.
     */
    @Transactional
    int assignToExam(String studyInstanceUid, String accessionNumber, Actor actor) {
        Study study = lockStudy(studyInstanceUid);
        String accession = accessionNumber == null || accessionNumber.isBlank() ? study.accessionNumber()
                : accessionNumber.strip();
        Exam exam = exams.findByAccession(accession)
                .orElseThrow(() -> new IllegalArgumentException("no exam has accession number '" + accession + "'"));
        Patient patient = patients.get(exam.patientId());
        List<String> files = quarantinedFiles(study);
        for (String file : files) {
            PatientIdentityRewrite.rewrite(layout.resolve(file), layout.newTemporaryFile(), patient, study.patientId(),
                    null, exam.accessionNumber());
        }
        Demographics person = patient.demographics();
        jdbc.sql("""
                UPDATE archive_study SET patient_id = ?, issuer_of_patient_id = ?, patient_name = ?,
                    patient_birth_date = ?, patient_sex = ?, accession_number = ?, updated_at = now() WHERE id = ?""")
                .params(patient.identifier().value(), patient.identifier().issuer(), person.dicomName(),
                        person.birthDate(), person.sex().name(), exam.accessionNumber(), study.id()).update();
        jdbc.sql("""
                UPDATE archive_instance SET quarantine_reason = NULL WHERE quarantine_reason IS NOT NULL
                    AND series_id IN (SELECT id FROM archive_series WHERE study_id = ?)""").param(study.id()).update();
        audit.record(actor, AuditEntry.success("QUARANTINE_RESOLVED", "STUDY", studyInstanceUid)
                .forPatient(patient.identifier().toString())
                .withDetail(files.size() + " instances filed under exam " + exam.accessionNumber() + "; Patient ID was '"
                        + study.patientId() + "', accession '" + study.accessionNumber() + "'"));
        return files.size();
    }

    /** Deletes the quarantined instances of the study, files and rows; returns how many. */
    @Transactional
    int reject(String studyInstanceUid, Actor actor) {
        Study study = lockStudy(studyInstanceUid);
        List<String> files = quarantinedFiles(study);
        List<String> series = jdbc.sql("""
                DELETE FROM archive_instance i USING archive_series se WHERE se.id = i.series_id AND se.study_id = ?
                    AND i.quarantine_reason IS NOT NULL RETURNING se.series_instance_uid""").param(study.id())
                .query(String.class).list();
        series.stream().distinct().forEach(index::removeIfEmpty);
        // Files go once the rows are gone for good: a crash in between leaves files that recovery re-indexes, and
        // the identity check quarantines again.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                files.forEach(file -> delete(layout.resolve(file)));
            }
        });
        audit.record(actor, AuditEntry.success("QUARANTINE_REJECTED", "STUDY", studyInstanceUid)
                .forPatient(blankToNull(study.patientId()))
                .withDetail(files.size() + " quarantined instances deleted; accession '" + study.accessionNumber() + "'"));
        return files.size();
    }

    private Study lockStudy(String studyInstanceUid) {
        return jdbc.sql("SELECT id, accession_number, patient_id FROM archive_study WHERE study_instance_uid = ?"
                + " FOR UPDATE").param(studyInstanceUid)
                .query((row, number) -> new Study(row.getLong(1), row.getString(2), row.getString(3))).optional()
                .orElseThrow(() -> new IllegalArgumentException("no such study"));
    }

    private List<String> quarantinedFiles(Study study) {
        List<String> files = jdbc.sql("""
                SELECT i.file_path FROM archive_instance i JOIN archive_series se ON se.id = i.series_id
                WHERE se.study_id = ? AND i.quarantine_reason IS NOT NULL""").param(study.id()).query(String.class)
                .list();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("the study has no quarantined images");
        }
        return files;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
