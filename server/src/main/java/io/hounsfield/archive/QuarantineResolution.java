package io.hounsfield.archive;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.DicomDateTime;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.WriteOptions;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
            rewrite(layout.resolve(file), layout.newTemporaryFile(), patient, study.patientId());
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

    private static void rewrite(Path path, Path replacement, Patient patient, String formerPatientId) {
        try {
            DicomFile file = Part10.read(path);
            Attributes dataset = file.dataset();
            Demographics person = patient.demographics();
            dataset.setString(Tags.PatientID, VR.LO, patient.identifier().value());
            dataset.setString(Tags.IssuerOfPatientID, VR.LO, patient.identifier().issuer());
            dataset.setString(Tags.PatientName, VR.PN, person.dicomName());
            dataset.setString(Tags.PatientBirthDate, VR.DA,
                    person.birthDate() == null ? "" : DicomDateTime.formatDate(person.birthDate()));
            dataset.setString(Tags.PatientSex, VR.CS, person.sex().name());
            Sequence others = dataset.getSequence(Tags.OtherPatientIDsSequence);
            Attributes former = (others == null ? dataset.newSequence(Tags.OtherPatientIDsSequence) : others)
                    .addItem();
            former.setString(Tags.PatientID, VR.LO, formerPatientId);
            former.setString(Tags.TypeOfPatientID, VR.CS, "TEXT");
            try (FileChannel channel = FileChannel.open(replacement, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
                Part10.write(out, file.fileMeta(), dataset, file.transferSyntax(), WriteOptions.DEFAULT);
                out.flush();
                channel.force(true);
            }
            Files.move(replacement, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            StoreLayout.forceDirectory(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(replacement);
            } catch (IOException ignored) {
                // removed by recovery at the next start
            }
        }
    }
}
