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
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.PatientsMerged;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
    private final PatientService patients;
    private final AuditService audit;

    PatientReconciliation(JdbcClient jdbc, StoreLayout layout, PatientService patients, AuditService audit) {
        this.jdbc = jdbc;
        this.layout = layout;
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
                rewrite(layout.resolve(file), layout.newTemporaryFile(), survivor, prior);
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

    /** Writes the file anew in the store's incoming folder, forces it to disk, and renames it over the old one. */
    private static void rewrite(Path path, Path replacement, Patient survivor, PatientIdentifier prior)
            throws IOException {
        DicomFile file = Part10.read(path);
        Attributes dataset = file.dataset();
        var person = survivor.demographics();
        dataset.setString(Tags.PatientID, VR.LO, survivor.identifier().value());
        dataset.setString(Tags.IssuerOfPatientID, VR.LO, survivor.identifier().issuer());
        dataset.setString(Tags.PatientName, VR.PN, person.dicomName());
        dataset.setString(Tags.PatientBirthDate, VR.DA,
                person.birthDate() == null ? "" : DicomDateTime.formatDate(person.birthDate()));
        dataset.setString(Tags.PatientSex, VR.CS, person.sex().name());
        keepOldIdentifier(dataset, prior);
        try (FileChannel channel = FileChannel.open(replacement, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
            Part10.write(out, file.fileMeta(), dataset, file.transferSyntax(), WriteOptions.DEFAULT);
            out.flush();
            channel.force(true);
        }
        Files.move(replacement, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        StoreLayout.forceDirectory(path.getParent());
        LOG.log(System.Logger.Level.INFO, "{0}: patient {1} is now {2}", path.getFileName(), prior, survivor.identifier());
    }

    private static void keepOldIdentifier(Attributes dataset, PatientIdentifier prior) {
        Sequence others = dataset.getSequence(Tags.OtherPatientIDsSequence);
        Attributes item = (others == null ? dataset.newSequence(Tags.OtherPatientIDsSequence) : others).addItem();
        item.setString(Tags.PatientID, VR.LO, prior.value());
        item.setString(Tags.IssuerOfPatientID, VR.LO, prior.issuer());
        item.setString(Tags.TypeOfPatientID, VR.CS, "TEXT");
    }
}
