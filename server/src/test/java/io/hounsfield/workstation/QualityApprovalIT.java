package io.hounsfield.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.StoreBatch;
import io.hounsfield.archive.StoreResult;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Issue 17: after acquisition the technologist approves the images, then releases the exam for reading. */
@HounsfieldIntegrationTest
class QualityApprovalIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    ArchiveService archive;

    @Test
    void imagesAreApprovedThenReleased() throws Exception {
        Exam exam = acquiredExam();
        mvc.perform(as(post("/exams/" + exam.id() + "/release"), "tech", "TECHNOLOGIST"))
                .andExpect(flash().attribute("error", Matchers.not(Matchers.containsString("RELEASED"))));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ACQUIRED);
        String page = mvc.perform(as(get("/exams/" + exam.id()), "tech", "TECHNOLOGIST")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("4. Quality review").contains("Approve images").doesNotContain("Release for reading<");

        mvc.perform(as(post("/exams/" + exam.id() + "/approve"), "tech", "TECHNOLOGIST"))
                .andExpect(flash().attribute("message", "Images approved."));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.QC_APPROVED);
        mvc.perform(as(post("/exams/" + exam.id() + "/release"), "tech", "TECHNOLOGIST"))
                .andExpect(flash().attribute("message", "Released for reading."));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.RELEASED);
        assertThat(exams.history(exam.id())).extracting(step -> step.to())
                .endsWith(ExamState.ACQUIRED, ExamState.QC_APPROVED, ExamState.RELEASED);
    }

    /** JRCERT direct supervision: the qualified practitioner reviews and approves a student's images. */
    @Test
    void aStudentDoesNotApproveAlone() throws Exception {
        Exam exam = acquiredExam();
        mvc.perform(as(post("/exams/" + exam.id() + "/approve"), "student", "STUDENT"))
                .andExpect(flash().attribute("error", Matchers.containsString("qualified technologist")));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ACQUIRED);
    }

    /** Images that name another patient are not this exam's until the quarantine is resolved. */
    @Test
    void imagesInQuarantineBlockTheApproval() throws Exception {
        Exam exam = acquiredExam();
        TestStudies.Study wrongPatient = new TestStudies.Study(exam.studyInstanceUid(), "OTHER-123", "OTHER^PATIENT",
                exam.accessionNumber(), "20261201", "DX");
        Path file = Files.createTempFile("quarantined", ".dcm");
        Part10.write(file, TestStudies.image(wrongPatient, TestStudies.newUid(), 1, 1),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        StoreBatch batch = StoreBatch.of("TEST", "tech", null);
        try (var in = Files.newInputStream(file)) {
            assertThat(archive.store(in, batch).outcome()).isEqualTo(StoreResult.Outcome.QUARANTINED);
        } finally {
            archive.finished(batch);
            Files.delete(file);
        }
        mvc.perform(as(post("/exams/" + exam.id() + "/approve"), "tech", "TECHNOLOGIST"))
                .andExpect(flash().attribute("error", Matchers.startsWith("This exam has 1 image in quarantine")));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ACQUIRED);
    }

    private Exam acquiredExam() {
        long patient = patients.registerTemporary(Sex.M, LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, "XRCHEST1", null, Priority.ROUTINE, "DX1",
                clock.instant(), null, null), LEAD);
        for (ExamState state : new ExamState[] {ExamState.ARRIVED, ExamState.VERIFIED, ExamState.IN_PROGRESS,
                ExamState.ACQUIRED}) {
            exams.transition(exam.id(), state, LEAD, null);
        }
        return exams.get(exam.id());
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String name, String role) {
        return request.with(user(name).roles(role)).with(csrf());
    }
}
