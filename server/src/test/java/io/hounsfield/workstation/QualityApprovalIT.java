package io.hounsfield.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.StoreResult;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.patient.PatientService;
import io.hounsfield.quality.QualityImages;
import java.time.Clock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Issue 17: after acquisition the technologist approves the images, then releases the exam for reading. */
@HounsfieldIntegrationTest
class QualityApprovalIT {

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
        assertThat(new QualityImages(exams, patients, archive, clock)
                .store(TestStudies.image(wrongPatient, TestStudies.newUid(), 1, 1)))
                .isEqualTo(StoreResult.Outcome.QUARANTINED);
        mvc.perform(as(post("/exams/" + exam.id() + "/approve"), "tech", "TECHNOLOGIST"))
                .andExpect(flash().attribute("error", Matchers.startsWith("This exam has 1 image in quarantine")));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ACQUIRED);
    }

    private Exam acquiredExam() {
        return new QualityImages(exams, patients, archive, clock).acquiredExam();
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String name, String role) {
        return request.with(user(name).roles(role)).with(csrf());
    }
}
