package io.hounsfield.archive.quarantine;

import io.hounsfield.archive.store.InstanceStore;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.DicomDateTime;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.WriteOptions;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.system.DataDirectory;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Gives a stored file another patient's identity: Patient ID, issuer, name, birth date and sex rewritten (and the
 * Accession Number, when the file is filed under another exam), the former ID kept in Other Patient IDs Sequence (IHE PIR). The new file is written to
 * {@code replacement}, forced to disk and put in the store under the same key (on the file system, renamed over the old
 * one), so a crash leaves one or the other whole.
 */
final class PatientIdentityRewrite {

    private PatientIdentityRewrite() {}

    /**
     * @param formerIssuer the issuer of the former ID, or null when it is not known
     * @param accessionNumber the Accession Number to write, or null to keep the file's
     */
    static void rewrite(InstanceStore store, String key, Path replacement, Patient patient, String formerId,
            String formerIssuer, String accessionNumber) {
        try {
            DicomFile file = Part10.read(store.localCopy(key));
            Attributes dataset = file.dataset();
            Demographics person = patient.demographics();
            dataset.setString(Tags.PatientID, VR.LO, patient.identifier().value());
            dataset.setString(Tags.IssuerOfPatientID, VR.LO, patient.identifier().issuer());
            dataset.setString(Tags.PatientName, VR.PN, person.dicomName());
            dataset.setString(Tags.PatientBirthDate, VR.DA,
                    person.birthDate() == null ? "" : DicomDateTime.formatDate(person.birthDate()));
            dataset.setString(Tags.PatientSex, VR.CS, person.sex().name());
            if (accessionNumber != null) {
                dataset.setString(Tags.AccessionNumber, VR.SH, accessionNumber);
            }
            Sequence others = dataset.getSequence(Tags.OtherPatientIDsSequence);
            Attributes former = (others == null ? dataset.newSequence(Tags.OtherPatientIDsSequence) : others).addItem();
            former.setString(Tags.PatientID, VR.LO, formerId);
            if (formerIssuer != null) {
                former.setString(Tags.IssuerOfPatientID, VR.LO, formerIssuer);
            }
            former.setString(Tags.TypeOfPatientID, VR.CS, "TEXT");
            try (FileChannel channel = FileChannel.open(replacement,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), DataDirectory.ownerOnlyFile())) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
                Part10.write(out, file.fileMeta(), dataset, file.transferSyntax(), WriteOptions.DEFAULT);
                out.flush();
                channel.force(true);
            }
            store.put(key, replacement);
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
