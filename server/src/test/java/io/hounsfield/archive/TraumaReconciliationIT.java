package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.scp.DicomListener;
import io.hounsfield.system.DataDirectory;
import io.hounsfield.system.UidGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A trauma patient is registered with a temporary identity, imaged by CT1 under it, then reconciled to
 * the real patient: the study is found by C-FIND under the real name and ID, and no longer under the
 * temporary one (issue 6 acceptance; IHE PIR).
 */
@HounsfieldIntegrationTest
class TraumaReconciliationIT {

    private static final Actor TECH = new Actor("tech", "TECHNOLOGIST", "127.0.0.1");

    @Autowired
    DicomListener listener;

    @Autowired
    Clock clock;

    @Autowired
    PatientService patients;

    @Autowired
    ExamService exams;

    @Autowired
    DataDirectory dataDirectory;

    @Autowired
    ArchiveIndex index;

    @TempDir
    Path work;

    @Test
    void aReconciledTraumaStudyIsFoundUnderTheRealPatient() throws Exception {
        Patient trauma = patients.registerTemporary(Sex.M, TECH);
        Exam exam = exams.schedule(new NewExam(null, trauma.id(), "CTTRAUMA", null, Priority.STAT, "CT1",
                clock.instant(), null, null), TECH);
        Path image = ctImage(trauma, exam);
        run(List.of("storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1", String.valueOf(listener.port()),
                image.toString()));
        assertThat(studiesOf(trauma.identifier().value())).singleElement()
                .satisfies(study -> assertThat(study.getString(Tags.PatientName)).isEqualTo(trauma.demographics().dicomName()));

        PatientIdentifier real = new PatientIdentifier("HOSP", "TR-" + System.nanoTime() % 1_000_000);
        patients.register(real, Demographics.named("Kowalczyk", "Marek", LocalDate.of(1979, 5, 4), Sex.M), TECH);
        patients.merge(real, trauma.identifier(), TECH);

        assertThat(studiesOf(real.value())).singleElement().satisfies(study -> {
            assertThat(study.getString(Tags.StudyInstanceUID)).isEqualTo(exam.studyInstanceUid());
            assertThat(study.getString(Tags.PatientName)).isEqualTo("Kowalczyk^Marek");
            assertThat(study.getString(Tags.PatientID)).isEqualTo(real.value());
        });
        assertThat(studiesOf(trauma.identifier().value())).isEmpty();
        assertThat(exams.get(exam.id()).patientId()).isEqualTo(patients.find(real).orElseThrow().id());

        Attributes stored = storedFile(exam.studyInstanceUid());
        assertThat(stored.getString(Tags.PatientID)).isEqualTo(real.value());
        assertThat(stored.getString(Tags.PatientBirthDate)).isEqualTo("19790504");
        assertThat(stored.getSequence(Tags.OtherPatientIDsSequence).get(0).getString(Tags.PatientID))
                .isEqualTo(trauma.identifier().value());
    }

    private Path ctImage(Patient patient, Exam exam) throws Exception {
        Attributes dataset = new Attributes();
        dataset.setString(Tags.SOPClassUID, VR.UI, Uids.CTImageStorage);
        dataset.setString(Tags.SOPInstanceUID, VR.UI, UidGenerator.newUid());
        dataset.setString(Tags.StudyInstanceUID, VR.UI, exam.studyInstanceUid());
        dataset.setString(Tags.SeriesInstanceUID, VR.UI, UidGenerator.newUid());
        dataset.setString(Tags.PatientID, VR.LO, patient.identifier().value());
        dataset.setString(Tags.IssuerOfPatientID, VR.LO, patient.identifier().issuer());
        dataset.setString(Tags.PatientName, VR.PN, patient.demographics().dicomName());
        dataset.setString(Tags.AccessionNumber, VR.SH, exam.accessionNumber());
        dataset.setString(Tags.Modality, VR.CS, "CT");
        dataset.setString(Tags.StudyDate, VR.DA, "20261127");
        dataset.setInts(Tags.Rows, VR.US, 8);
        dataset.setInts(Tags.Columns, VR.US, 8);
        dataset.setInts(Tags.BitsAllocated, VR.US, 16);
        dataset.setInts(Tags.BitsStored, VR.US, 12);
        dataset.setInts(Tags.HighBit, VR.US, 11);
        dataset.setInts(Tags.PixelRepresentation, VR.US, 0);
        dataset.setInts(Tags.SamplesPerPixel, VR.US, 1);
        dataset.setString(Tags.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        dataset.setValue(Tags.PixelData, VR.OW, new byte[8 * 8 * 2]);
        Path file = work.resolve("trauma.dcm");
        Part10.write(file, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return file;
    }

    /** Study-level C-FIND by Patient ID with dcmtk's findscu, as the reading workstation. */
    private List<Attributes> studiesOf(String patientId) throws Exception {
        Path responses = Files.createTempDirectory(work, "find");
        run(List.of("findscu", "-S", "-X", "-od", responses.toString(), "-aet", "VIEWER", "-aec", "HOUNSFIELD",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=" + patientId, "-k", "PatientName",
                "-k", "StudyInstanceUID", "127.0.0.1", String.valueOf(listener.port())));
        List<Attributes> studies = new ArrayList<>();
        try (Stream<Path> files = Files.list(responses)) {
            for (Path file : files.sorted().toList()) {
                studies.add(Part10.read(file).dataset());
            }
        }
        return studies;
    }

    private Attributes storedFile(String studyInstanceUid) throws Exception {
        String key = index.instancesOfStudy(studyInstanceUid).get(0).filePath();
        return Part10.read(dataDirectory.store().resolve(key)).dataset();
    }

    private void run(List<String> command) throws Exception {
        Dcmtk.Run run = Dcmtk.run(work, command.toArray(String[]::new));
        assertThat(run.exitCode()).as(String.join(" ", command) + "\n" + run.output()).isZero();
    }
}
