package io.hounsfield.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import io.hounsfield.HounsfieldIntegrationTest;
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

@HounsfieldIntegrationTest
class CockpitIT {

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
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anInterventionalProcedureStartsOnlyAfterACompleteTimeOut() throws Exception {
        Exam biopsy = verifiedExam("XABIOPSYL", Sex.M);
        // An identity pending cannot exclude pregnancy, and a liver biopsy's beam reaches the abdomen.
        mvc.perform(tech(post("/exams/" + biopsy.id() + "/pregnancy")).param("answer", "NOT_PREGNANT")
                        .param("method", "PREGNANCY_TEST_NEGATIVE"))
                .andExpect(flash().attribute("message", "Pregnancy screen recorded."));

        mvc.perform(tech(post("/exams/" + biopsy.id() + "/start")))
                .andExpect(flash().attribute("error", Matchers.containsString("Record the time-out")));
        mvc.perform(tech(post("/exams/" + biopsy.id() + "/time-out")).param("participants", "Dr Osei, RT Rivera")
                        .param("identityConfirmed", "true").param("procedureConfirmed", "true"))
                .andExpect(flash().attribute("error", Matchers.containsString("patient identity, site and procedure")));
        mvc.perform(tech(post("/exams/" + biopsy.id() + "/time-out")).param("participants", "Dr Osei, RT Rivera")
                        .param("identityConfirmed", "true").param("siteConfirmed", "true")
                        .param("procedureConfirmed", "true").param("siteMark", "NOT_APPLICABLE"))
                .andExpect(flash().attribute("message", "Time-out recorded."));
        mvc.perform(tech(post("/exams/" + biopsy.id() + "/start")))
                .andExpect(flash().attribute("message", "Exam started."));
        assertThat(exams.get(biopsy.id()).state()).isEqualTo(ExamState.IN_PROGRESS);
    }

    @Test
    void aPositivePregnancyScreenNeedsARadiologistsDecision() throws Exception {
        Exam exam = verifiedExam("CTKUB", Sex.F);
        mvc.perform(tech(post("/exams/" + exam.id() + "/pregnancy")).param("answer", "POSSIBLY_PREGNANT")
                        .param("method", "PATIENT_ATTESTATION"))
                .andExpect(flash().attribute("message", "Pregnancy screen recorded."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("error", Matchers.containsString(
                        "Pregnancy could not be ruled out: a radiologist or the lead technologist must decide")));
        mvc.perform(tech(post("/exams/" + exam.id() + "/decision")).param("screen", "PREGNANCY")
                        .param("decision", "proceed"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        mvc.perform(post("/exams/" + exam.id() + "/decision").with(user("radiologist").roles("RADIOLOGIST"))
                        .with(csrf()).param("screen", "PREGNANCY")
                        .param("decision", "Proceed: low-dose protocol, benefit outweighs risk"))
                .andExpect(flash().attribute("message", "Decision recorded."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("message", "Exam started."));
    }

    @Test
    void contrastWithAnEgfrUnder30NeedsARadiologist() throws Exception {
        Exam exam = verifiedExam("CTCHESTC", Sex.M);
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("error", Matchers.containsString("Answer the contrast screen")));
        mvc.perform(tech(post("/exams/" + exam.id() + "/contrast")).param("aki", "false").param("dialysis", "false").param("priorReaction", "NONE")
                        .param("metformin", "true").param("kidneyRisk", "false"))
                .andExpect(flash().attribute("error", Matchers.containsString("A recent eGFR is needed")));
        mvc.perform(tech(post("/exams/" + exam.id() + "/contrast")).param("aki", "false").param("dialysis", "false").param("egfr", "27").param("egfrDate", "2026-11-20")
                        .param("priorReaction", "NONE").param("metformin", "true").param("kidneyRisk", "false"))
                .andExpect(flash().attribute("message", "Contrast screen recorded."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("error", Matchers.containsString(
                        "The contrast screen found a risk: a radiologist must decide")));
        mvc.perform(post("/exams/" + exam.id() + "/decision").with(user("lead").roles("LEAD")).with(csrf())
                        .param("screen", "CONTRAST").param("decision", "proceed"))
                .andExpect(flash().attribute("error", Matchers.containsString("does not decide on the contrast screen")));
        mvc.perform(post("/exams/" + exam.id() + "/decision").with(user("radiologist").roles("RADIOLOGIST"))
                        .with(csrf()).param("screen", "CONTRAST").param("contrastDecision", "PROCEED")
                        .param("decision", "Proceed with IV saline prophylaxis; metformin held 48 h"))
                .andExpect(flash().attribute("message", "Decision recorded."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("message", "Exam started."));
    }

    @Test
    void mriNeedsTheFormAndTheSpokenCheckAndAnImplantNeedsADecision() throws Exception {
        Exam exam = verifiedExam("MRBRAIN", Sex.M);
        mvc.perform(tech(post("/exams/" + exam.id() + "/mri")).param("implant", "NO_IMPLANT").param("formReviewed", "true"))
                .andExpect(flash().attribute("error", Matchers.containsString("confirmed with the patient")));
        mvc.perform(tech(post("/exams/" + exam.id() + "/mri")).param("implant", "MR_CONDITIONAL")
                        .param("formReviewed", "true").param("verbalConfirmed", "true"))
                .andExpect(flash().attribute("error", Matchers.containsString("final check before Zone IV")));
        mvc.perform(tech(post("/exams/" + exam.id() + "/mri")).param("implant", "MR_CONDITIONAL")
                        .param("formReviewed", "true").param("verbalConfirmed", "true").param("zoneFourCheck", "true"))
                .andExpect(flash().attribute("message", "MRI screen recorded."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("error", Matchers.containsString(
                        "The patient has an MR Conditional implant or device: a radiologist or MR physicist must decide")));
        mvc.perform(post("/exams/" + exam.id() + "/decision").with(user("physicist").roles("PHYSICIST")).with(csrf())
                        .param("screen", "MRI").param("decision", "Scan at 1.5 T in normal mode per the pacemaker's conditions"))
                .andExpect(flash().attribute("message", "Decision recorded."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("message", "Exam started."));
    }

    /** Issue 12 point 5: with no image received, Complete needs a typed reason, kept in the history and audited. */
    @Test
    void completingWithoutImagesNeedsAReason() throws Exception {
        Exam exam = verifiedExam("XRCHEST1", Sex.M);
        mvc.perform(tech(post("/exams/" + exam.id() + "/start"))).andExpect(flash().attribute("message", "Exam started."));

        mvc.perform(tech(post("/exams/" + exam.id() + "/complete")).param("notes", "done"))
                .andExpect(flash().attribute("error", Matchers.containsString("No image has reached the archive")));
        mvc.perform(tech(post("/exams/" + exam.id() + "/complete")).param("noImageReason", "  "))
                .andExpect(flash().attribute("error", Matchers.containsString("Say why")));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.IN_PROGRESS);

        mvc.perform(tech(post("/exams/" + exam.id() + "/complete"))
                        .param("noImageReason", "Modality offline, images kept locally and sent after repair"))
                .andExpect(flash().attribute("message", "Exam completed."));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ACQUIRED);
        assertThat(exams.history(exam.id()).get(exams.history(exam.id()).size() - 1).reason())
                .isEqualTo("completed without images received: Modality offline, images kept locally and sent after repair");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXAM_COMPLETED_WITHOUT_IMAGES'"
                + " AND object_id = ?").param(exam.accessionNumber()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void transportShowsOnTheBoard() throws Exception {
        Exam exam = verifiedExam("XRCHEST1", Sex.M);
        mvc.perform(tech(post("/exams/" + exam.id() + "/transport")).param("status", "EN_ROUTE"))
                .andExpect(flash().attribute("message", "Transport: on the way."));
        String rows = mvc.perform(tech(get("/board/rows")).param("search", exam.accessionNumber()))
                .andReturn().getResponse().getContentAsString();
        assertThat(rows).contains(exam.accessionNumber()).contains("On the way").doesNotContain("EN_ROUTE");
    }

    private Exam verifiedExam(String procedure, Sex sex) {
        long patient = patients.registerTemporary(sex, LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, procedure, null, Priority.ROUTINE, "CT1", clock.instant(),
                null, null), LEAD);
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
        return exams.transition(exam.id(), ExamState.VERIFIED, LEAD, null);
    }

    private static MockHttpServletRequestBuilder tech(MockHttpServletRequestBuilder request) {
        return request.with(user("tech").roles("TECHNOLOGIST")).with(csrf());
    }
}
