package io.hounsfield.archive.quarantine;

import io.hounsfield.archive.QuarantineRejection;
import io.hounsfield.archive.store.InstanceStore;
import io.hounsfield.archive.store.StoreLayout;
import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.system.Count;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves a quarantined study, one of two ways. Filed under an exam: the patient attributes and the Accession
 * Number of every quarantined file are rewritten (atomically, fsync'ed; the old Patient ID kept in Other Patient IDs
 * Sequence), the index updated and the instances released to query and retrieval. Rejected: the instances are
 * marked rejected and leave the quarantine list, but stay restorable for a grace period
 * ({@code hounsfield.archive.rejected-grace}, default 7 days) before {@link RejectedPurge} deletes files and rows, so
 * that a reject pressed on the wrong row can be undone.
 */
@Component
public class QuarantineResolution {
    private final JdbcClient jdbc;
    private final StoreLayout layout;
    private final InstanceStore store;
    private final ExamService exams;
    private final PatientService patients;
    private final AuditService audit;
    private final Clock clock;
    private final Duration grace;

    QuarantineResolution(JdbcClient jdbc, StoreLayout layout, InstanceStore store, ExamService exams,
            PatientService patients, AuditService audit, Clock clock,
            @Value("${hounsfield.archive.rejected-grace:7d}") Duration grace) {
        this.jdbc = jdbc;
        this.layout = layout;
        this.store = store;
        this.exams = exams;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
        this.grace = grace;
    }


    private record Study(long id, String accessionNumber, String patientId) {
    }

    /**
     * Files the quarantined instances of the study under the exam with {@code accessionNumber} (blank: the one the
     * study's own accession number names); returns how many were released.
     */
    @Transactional
    public int assignToExam(String studyInstanceUid, String accessionNumber, Actor actor) {
        Study study = lockStudy(studyInstanceUid);
        String accession = accessionNumber == null || accessionNumber.isBlank() ? study.accessionNumber()
                : accessionNumber.strip();
        Exam exam = exams.findByAccession(accession)
                .orElseThrow(() -> new IllegalArgumentException("no exam has accession number '" + accession + "'"));
        Patient patient = patients.get(exam.patientId());
        List<String> files = quarantinedFiles(study);
        for (String file : files) {
            PatientIdentityRewrite.rewrite(store, file, layout.newTemporaryFile(), patient, study.patientId(),
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
                    AND rejected_at IS NULL AND series_id IN (SELECT id FROM archive_series WHERE study_id = ?)""").param(study.id()).update();
        audit.record(actor, AuditEntry.success("QUARANTINE_RESOLVED", "STUDY", studyInstanceUid)
                .forPatient(patient.identifier().toString())
                .withDetail(Count.of(files.size(), "instance", "instances") + " filed under exam " + exam.accessionNumber() + "; Patient ID was '"
                        + study.patientId() + "', accession '" + study.accessionNumber() + "'"));
        return files.size();
    }

    /** Marks the quarantined instances of the study rejected, restorable until the grace period ends. */
    @Transactional
    public QuarantineRejection reject(String studyInstanceUid, Actor actor) {
        Study study = lockStudy(studyInstanceUid);
        int instances = quarantinedFiles(study).size();
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE archive_instance SET rejected_at = ?, rejected_by = ? WHERE quarantine_reason IS NOT NULL
                    AND rejected_at IS NULL AND series_id IN (SELECT id FROM archive_series WHERE study_id = ?)""")
                .params(Timestamp.from(now), actor.name(), study.id()).update();
        Instant until = now.plus(grace).truncatedTo(ChronoUnit.SECONDS);
        audit.record(actor, AuditEntry.success("QUARANTINE_REJECTED", "STUDY", studyInstanceUid)
                .forPatient(blankToNull(study.patientId()))
                .withDetail(instances + " quarantined instances rejected, restorable until " + until + "; accession '"
                        + study.accessionNumber() + "'"));
        return new QuarantineRejection(instances, until);
    }

    /** Brings rejected instances still within the grace period back to the quarantine list; returns how many. */
    @Transactional
    public int restore(String studyInstanceUid, Actor actor) {
        Study study = lockStudy(studyInstanceUid);
        int restored = jdbc.sql("""
                UPDATE archive_instance SET rejected_at = NULL, rejected_by = NULL WHERE rejected_at > ?
                    AND series_id IN (SELECT id FROM archive_series WHERE study_id = ?)""")
                .params(Timestamp.from(clock.instant().minus(grace)), study.id()).update();
        if (restored == 0) {
            throw new IllegalArgumentException("There are no rejected images of this study left to restore.");
        }
        audit.record(actor, AuditEntry.success("QUARANTINE_RESTORED", "STUDY", studyInstanceUid)
                .forPatient(blankToNull(study.patientId()))
                .withDetail(restored + " rejected instances back in quarantine; accession '" + study.accessionNumber()
                        + "'"));
        return restored;
    }

    private Study lockStudy(String studyInstanceUid) {
        return jdbc.sql("SELECT id, accession_number, patient_id FROM archive_study WHERE study_instance_uid = ?"
                + " FOR UPDATE").param(studyInstanceUid)
                .query((row, number) -> new Study(row.getLong(1), row.getString(2), row.getString(3))).optional()
                .orElseThrow(() -> new IllegalArgumentException("This study is no longer in the archive."));
    }

    private List<String> quarantinedFiles(Study study) {
        List<String> files = jdbc.sql("""
                SELECT i.file_path FROM archive_instance i JOIN archive_series se ON se.id = i.series_id
                WHERE se.study_id = ? AND i.quarantine_reason IS NOT NULL AND i.rejected_at IS NULL""")
                .param(study.id()).query(String.class).list();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("This study has no images waiting in quarantine.");
        }
        return files;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
