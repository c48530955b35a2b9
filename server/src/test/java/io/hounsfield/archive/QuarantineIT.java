package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.Dcmtk;
import io.hounsfield.DemoDayExams;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.index.StoredInstance;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.audit.AuditTime;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Identity reconciliation on ingest: images whose Patient ID is not the patient of the exam their accession number
 * or Study Instance UID names, or carry another name or accession, are stored but quarantined: not found by C-FIND,
 * listed on the quarantine page, until someone files them under an exam or rejects them.
 */
@HounsfieldIntegrationTest
class QuarantineIT {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    DicomListener listener;

    @Autowired
    Clock clock;

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
        Instant before = AuditTime.now(jdbc);
        Exam exam = anExamWithAccession();
        String rightPatientId = patients.get(exam.patientId()).identifier().value();
        TestStudies.Study wrong = TestStudies.Study.of("NOT-" + rightPatientId, "WRONG^PATIENT",
                exam.accessionNumber(), "20260102");
        TestStudies.Study right = TestStudies.Study.of(rightPatientId, orderedName(exam).toLowerCase(),
                exam.accessionNumber(), "20260102");
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
        String fix = "/archive/quarantine/" + wrong.studyUid() + "/assign";
        mvc.perform(post(fix).with(csrf()).with(user("student").roles("STUDENT"))).andExpect(status().isForbidden());

        mvc.perform(post(fix).with(csrf()).param("confirmed", "true").param("acknowledged", "true").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "2 images filed under the exam."));

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

    @Test
    void theRightPatientIdUnderAnotherNameIsQuarantined() throws Exception {
        Exam exam = anExamWithAccession();
        String rightPatientId = patients.get(exam.patientId()).identifier().value();
        TestStudies.Study misnamed = TestStudies.Study.of(rightPatientId, "SOMEONE^ELSE", exam.accessionNumber(),
                "20260104");
        storescu(TestStudies.write(work.resolve("misnamed"), misnamed, 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));

        assertThat(findStudies(exam.accessionNumber())).doesNotContain(misnamed.studyUid());
        assertThat(archive.quarantine()).anySatisfy(study -> {
            assertThat(study.studyInstanceUid()).isEqualTo(misnamed.studyUid());
            assertThat(study.reason()).contains("Patient Name 'SOMEONE^ELSE'").contains(orderedName(exam))
                    .doesNotContain("Patient ID");
        });
    }

    @Test
    void imagesOfTheWorklistStudyUnderAnotherAccessionAreQuarantinedAndCanBeFiledUnderTheRightExam() throws Exception {
        List<Exam> today = examsWithAccession();
        Exam ordered = today.get(1);
        Exam actual = today.get(2);
        String patientId = patients.get(ordered.patientId()).identifier().value();
        TestStudies.Study mixedUp = new TestStudies.Study(ordered.studyInstanceUid(), patientId, orderedName(ordered),
                "X" + ordered.accessionNumber(), "20260105", "CT");
        storescu(TestStudies.write(work.resolve("mixed"), mixedUp, 1, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertThat(archive.quarantine()).anySatisfy(study -> {
            assertThat(study.studyInstanceUid()).isEqualTo(ordered.studyInstanceUid());
            assertThat(study.reason()).contains("Accession Number 'X" + ordered.accessionNumber() + "'");
        });

        mvc.perform(post("/archive/quarantine/" + mixedUp.studyUid() + "/assign").with(csrf())
                        .param("confirmed", "true").param("accessionNumber", "NO-SUCH-ACCESSION").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(flash().attribute("error", "no exam has accession number 'NO-SUCH-ACCESSION'"));
        mvc.perform(post("/archive/quarantine/" + mixedUp.studyUid() + "/assign").with(csrf())
                        .param("confirmed", "true").param("acknowledged", "true")
                        .param("accessionNumber", actual.accessionNumber()).with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(flash().attribute("message", "2 images filed under the exam."));

        assertThat(findStudies(actual.accessionNumber())).contains(mixedUp.studyUid());
        String actualPatientId = patients.get(actual.patientId()).identifier().value();
        for (StoredInstance instance : index.instancesOfStudy(mixedUp.studyUid())) {
            Attributes dataset = Part10.read(data.store().resolve(instance.filePath())).dataset();
            assertThat(dataset.getString(Tags.AccessionNumber)).isEqualTo(actual.accessionNumber());
            assertThat(dataset.getString(Tags.PatientID)).isEqualTo(actualPatientId);
            assertThat(dataset.getString(Tags.PatientName)).isEqualTo(orderedName(actual));
        }
    }

    private String orderedName(Exam exam) {
        return patients.get(exam.patientId()).demographics().dicomName();
    }

    private Exam anExamWithAccession() {
        return examsWithAccession().get(0);
    }

    private List<Exam> examsWithAccession() {
        List<Exam> today = DemoDayExams.withAccession(exams, clock);
        assertThat(today).as("demo exams today").hasSizeGreaterThan(2);
        return today;
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
