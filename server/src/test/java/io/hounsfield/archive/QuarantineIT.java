package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.PatientService;
import io.hounsfield.scp.DicomListener;
import io.hounsfield.system.DataDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Identity reconciliation on ingest: images whose Patient ID is not the patient of the exam their accession number
 * names are stored but quarantined: not found by C-FIND, listed on the quarantine page, until someone files them
 * under the ordered patient.
 */
@HounsfieldIntegrationTest
class QuarantineIT {
    @Autowired
    DicomListener listener;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    ArchiveService archive;

    @Autowired
    AuditService audit;

    @Autowired
    ArchiveIndex index;

    @Autowired
    DataDirectory data;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path work;

    @Test
    void imagesOfTheWrongPatientAreQuarantinedAndListedNotFound() throws Exception {
        Instant before = Instant.now();
        Exam exam = anExamWithAccession();
        String rightPatientId = patients.get(exam.patientId()).identifier().value();
        TestStudies.Study wrong = TestStudies.Study.of("NOT-" + rightPatientId, "WRONG^PATIENT",
                exam.accessionNumber(), "20260102");
        TestStudies.Study right = TestStudies.Study.of(rightPatientId, "RIGHT^PATIENT", exam.accessionNumber(),
                "20260102");
        storescu(TestStudies.write(work.resolve("wrong"), wrong, 1, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        storescu(TestStudies.write(work.resolve("right"), right, 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));

        assertThat(archive.instanceCount(wrong.studyUid())).isEqualTo(2);
        assertThat(findStudies(exam.accessionNumber())).contains(right.studyUid()).doesNotContain(wrong.studyUid());
        assertThat(archive.quarantine()).anySatisfy(study -> {
            assertThat(study.studyInstanceUid()).isEqualTo(wrong.studyUid());
            assertThat(study.instances()).isEqualTo(2);
            assertThat(study.reason()).contains("NOT-" + rightPatientId).contains(exam.accessionNumber());
        }).noneSatisfy(study -> assertThat(study.studyInstanceUid()).isEqualTo(right.studyUid()));
        assertThat(audit.search(new AuditQuery("CT1", null, "INSTANCE_QUARANTINED", before, null, 0))).hasSize(2);

        String page = mvc.perform(get("/archive/quarantine").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(wrong.studyUid()).contains("WRONG^PATIENT").doesNotContain(right.studyUid());
        mvc.perform(get("/archive/quarantine").with(user("lead").roles("LEAD"))).andExpect(status().isOk());
        mvc.perform(get("/archive/quarantine").with(user("student").roles("STUDENT")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTechnologistFilesAQuarantinedStudyUnderTheOrderedPatient() throws Exception {
        Exam exam = anExamWithAccession();
        String rightPatientId = patients.get(exam.patientId()).identifier().value();
        TestStudies.Study wrong = TestStudies.Study.of("TYPO-" + rightPatientId, "TYPO^PATIENT",
                exam.accessionNumber(), "20260103");
        storescu(TestStudies.write(work.resolve("typo"), wrong, 1, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertThat(findStudies(exam.accessionNumber())).doesNotContain(wrong.studyUid());
        String fix = "/archive/quarantine/" + wrong.studyUid() + "/assign-to-order";
        mvc.perform(post(fix).with(csrf()).with(user("student").roles("STUDENT"))).andExpect(status().isForbidden());

        mvc.perform(post(fix).with(csrf()).with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "2 images filed under the ordered patient."));

        assertThat(findStudies(exam.accessionNumber())).contains(wrong.studyUid());
        assertThat(archive.quarantine()).noneSatisfy(
                study -> assertThat(study.studyInstanceUid()).isEqualTo(wrong.studyUid()));
        for (StoredInstance instance : index.instancesOfStudy(wrong.studyUid())) {
            Attributes dataset = Part10.read(data.store().resolve(instance.filePath())).dataset();
            assertThat(dataset.getString(Tags.PatientID)).isEqualTo(rightPatientId);
            assertThat(dataset.getSequence(Tags.OtherPatientIDsSequence).get(0).getString(Tags.PatientID))
                    .isEqualTo("TYPO-" + rightPatientId);
            assertThat(dataset.bytes(Tags.PixelData)).hasSize(16 * 16 * 2);
        }
        assertThat(audit.search(new AuditQuery("tech", null, "QUARANTINE_RESOLVED", null, null, 0)))
                .anySatisfy(event -> assertThat(event.objectId()).isEqualTo(wrong.studyUid()));
    }

    private Exam anExamWithAccession() {
        return exams.forDay(LocalDate.now(), ZoneId.systemDefault()).stream()
                .filter(exam -> exam.accessionNumber() != null && !exam.accessionNumber().isBlank())
                .findFirst().orElseThrow(() -> new AssertionError("demo data has no exam today"));
    }

    private void storescu(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port())));
        files.forEach(file -> command.add(file.toString()));
        Dcmtk.Run run = Dcmtk.run(work, command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    private List<String> findStudies(String accessionNumber) throws Exception {
        Dcmtk.Run run = Dcmtk.run(work, "findscu", "-v", "-aet", "CT1", "-aec", "HOUNSFIELD", "-S", "-k",
                "QueryRetrieveLevel=STUDY", "-k", "AccessionNumber=" + accessionNumber, "-k", "StudyInstanceUID",
                "127.0.0.1", String.valueOf(listener.port()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run.output().lines().filter(line -> line.contains("StudyInstanceUID") && line.contains("["))
                .map(line -> line.substring(line.indexOf('[') + 1, line.indexOf(']')).replace("\0", "")).toList();
    }
}
