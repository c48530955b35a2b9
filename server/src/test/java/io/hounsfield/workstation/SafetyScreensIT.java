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
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.PregnancyStatus;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Issue 12, point 1: every screen starts unanswered, and what the record knows is never contradicted silently. */
@HounsfieldIntegrationTest
class SafetyScreensIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static final Pattern FIRST_OPTION = Pattern.compile("<select[^>]*>\\s*<option([^>]*)>");
    private static final Pattern PRESELECTED = Pattern.compile("<option value=\"[A-Z_]+\"[^>]*selected|checked");

    @Autowired
    MockMvc mvc;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    Clock clock;

    @Test
    void theScreensRenderWithNoAnswerChosen() throws Exception {
        long woman = patient(LocalDate.now(clock).minusYears(30), Sex.F, null, null);
        String ct = page(verifiedExam(woman, "CTABDPELC"));
        assertThat(PRESELECTED.matcher(section(ct, "pregnancy")).find()).as("pregnancy form").isFalse();
        assertThat(PRESELECTED.matcher(section(ct, "contrast")).find()).as("contrast form").isFalse();
        String mr = page(verifiedExam(woman, "MRBRAIN"));
        assertThat(PRESELECTED.matcher(section(mr, "mri")).find()).as("MRI form").isFalse();
        // A select without a selected option shows its first one: that must be a "choose" placeholder.
        for (String form : new String[] {section(ct, "pregnancy"), section(ct, "contrast"), section(mr, "mri")}) {
            Matcher first = FIRST_OPTION.matcher(form);
            int selects = 0;
            while (first.find()) {
                selects++;
                assertThat(first.group(1)).as("first option").contains("value=\"\"").contains("disabled");
            }
            assertThat(selects).isPositive();
        }
    }

    @Test
    void anUnansweredQuestionIsRefusedNotTakenAsNo() throws Exception {
        long woman = patient(LocalDate.now(clock).minusYears(30), Sex.F, null, null);
        Exam exam = verifiedExam(woman, "CTABDPELC");
        mvc.perform(tech(post("/exams/" + exam.id() + "/pregnancy")).param("answer", "NOT_PREGNANT"))
                .andExpect(flash().attribute("error", "Choose the pregnancy answer and how it was determined."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/pregnancy")).param("answer", "NOT_PREGNANT")
                        .param("method", "NOT_ABLE_TO_ATTEST"))
                .andExpect(flash().attribute("error", Matchers.containsString("choose “Cannot tell”")));
        mvc.perform(tech(post("/exams/" + exam.id() + "/contrast")).param("aki", "false").param("dialysis", "false").param("priorReaction", "NONE"))
                .andExpect(flash().attribute("error", Matchers.containsString("Answer every question")));
        mvc.perform(tech(post("/exams/" + exam.id() + "/mri")).param("formReviewed", "true"))
                .andExpect(flash().attribute("error", Matchers.containsString("Choose what the patient has")));
    }

    @Test
    void aPatientAllergicToIodinatedContrastCannotBeRecordedNoRiskInTwoClicks() throws Exception {
        long allergic = patient(LocalDate.of(1980, 5, 1), Sex.M, "Iodinated contrast (hives, 2019)", null);
        Exam exam = verifiedExam(allergic, "CTCHESTC");
        String contrast = section(page(exam), "contrast");
        assertThat(contrast).contains("On record:").contains("Allergies: Iodinated contrast (hives, 2019)")
                .containsPattern("<option value=\"UNKNOWN\"[^>]*selected");

        // What the old form sent with its defaults: no prior reaction, no metformin.
        mvc.perform(tech(post("/exams/" + exam.id() + "/contrast")).param("aki", "false").param("dialysis", "false").param("priorReaction", "NONE")
                        .param("metformin", "false").param("kidneyRisk", "false"))
                .andExpect(flash().attribute("error", Matchers.containsString(
                        "The record shows a reaction to iodinated contrast (Allergies: Iodinated contrast (hives, 2019))")));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("error", "Answer the contrast screen before starting."));

        // The record may be wrong: say why, and the radiologist decides; it is never "no risk".
        mvc.perform(tech(post("/exams/" + exam.id() + "/contrast")).param("aki", "false").param("dialysis", "false").param("priorReaction", "NONE")
                        .param("metformin", "false").param("kidneyRisk", "false")
                        .param("contradictionReason", "patient says the hives were from a bee sting"))
                .andExpect(flash().attribute("message", "Contrast screen recorded."));
        assertThat(section(page(exam), "contrast")).contains("Contrast risk: a radiologist decides")
                .contains("goes against the record: Allergies: Iodinated contrast (hives, 2019); reason given: "
                        + "patient says the hives were from a bee sting");
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("error",
                        "The contrast screen goes against the patient's record: a radiologist must decide before the exam starts."));

        mvc.perform(tech(post("/exams/" + exam.id() + "/contrast")).param("aki", "false").param("dialysis", "false").param("priorReaction", "MILD")
                        .param("metformin", "false").param("kidneyRisk", "false"))
                .andExpect(flash().attribute("message", "Contrast screen recorded."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("error", "The contrast screen found a risk: a radiologist must decide before the exam starts."));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.VERIFIED);
    }

    @Test
    void aReactionRecordedOnAnEarlierExamCarriesOverToTheNext() throws Exception {
        long patient = patient(LocalDate.of(1985, 2, 3), Sex.M, null, null);
        Exam first = verifiedExam(patient, "CTCHESTC");
        mvc.perform(tech(post("/exams/" + first.id() + "/contrast")).param("aki", "false").param("dialysis", "false").param("priorReaction", "MODERATE")
                        .param("metformin", "false").param("kidneyRisk", "false"))
                .andExpect(flash().attribute("message", "Contrast screen recorded."));

        Exam next = verifiedExam(patient, "CTABDPELC");
        assertThat(section(page(next), "contrast")).contains("a moderate reaction recorded on an earlier exam")
                .containsPattern("<option value=\"MODERATE\"[^>]*selected");
        mvc.perform(tech(post("/exams/" + next.id() + "/contrast")).param("aki", "false").param("dialysis", "false").param("priorReaction", "NONE")
                        .param("metformin", "false").param("kidneyRisk", "false"))
                .andExpect(flash().attribute("error", Matchers.containsString("Choose how severe it was")));
    }

    @Test
    void aTraumaPatientOfUnknownAgeCannotBeExcludedAndNeedsAnEgfr() throws Exception {
        long trauma = patients.registerTemporary(Sex.M, LEAD).id();
        Exam exam = verifiedExam(trauma, "CTTRAUMA");
        String page = page(exam);
        assertThat(section(page, "pregnancy")).contains("Pregnancy cannot be")
                .contains("identity pending, age not known");
        assertThat(section(page, "contrast")).contains("A recent eGFR is needed:")
                .contains("identity pending, age not known");

        mvc.perform(tech(post("/exams/" + exam.id() + "/contrast")).param("aki", "false").param("dialysis", "false").param("priorReaction", "NONE")
                        .param("metformin", "false").param("kidneyRisk", "false"))
                .andExpect(flash().attribute("error", Matchers.startsWith(
                        "A recent eGFR is needed (identity pending, age not known).")));
        mvc.perform(tech(post("/exams/" + exam.id() + "/contrast")).param("aki", "false").param("dialysis", "false").param("priorReaction", "NONE")
                        .param("metformin", "false").param("kidneyRisk", "false").param("egfrUnavailable", "true"))
                .andExpect(flash().attribute("message", "Contrast screen recorded."));
        assertThat(section(page(exam), "contrast"))
                .contains("Contrast risk: a radiologist decides — eGFR needed (identity pending, age not known) but "
                        + "not available in time")
                .doesNotContain("eGFR not needed");
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("error", "Answer the pregnancy screen before starting."));
    }

    @Test
    void aPregnancyTheHospitalReportedIsTheStartingAnswerAndNeedsAReasonToContradict() throws Exception {
        long pregnant = patient(LocalDate.now(clock).minusYears(28), Sex.F, null, PregnancyStatus.PREGNANT);
        Exam exam = verifiedExam(pregnant, "XRPELVIS");
        String pregnancy = section(page(exam), "pregnancy");
        assertThat(pregnancy).contains("The hospital record says:").containsPattern("<option value=\"PREGNANT\"[^>]*selected");
        mvc.perform(tech(post("/exams/" + exam.id() + "/pregnancy")).param("answer", "NOT_PREGNANT")
                        .param("method", "PATIENT_ATTESTATION"))
                .andExpect(flash().attribute("error", Matchers.startsWith(
                        "The hospital record says the patient is pregnant. To record “Not pregnant”, say why")));
    }

    @Test
    void anImplantFoundEarlierIsNotDroppedSilently() throws Exception {
        long patient = patient(LocalDate.of(1970, 1, 1), Sex.M, null, null);
        Exam first = verifiedExam(patient, "MRBRAIN");
        mvc.perform(tech(post("/exams/" + first.id() + "/mri")).param("implant", "MR_CONDITIONAL")
                        .param("formReviewed", "true").param("verbalConfirmed", "true").param("zoneFourCheck", "true"))
                .andExpect(flash().attribute("message", "MRI screen recorded."));
        Exam next = verifiedExam(patient, "MRLSPINE");
        assertThat(section(page(next), "mri")).contains("An earlier MRI screen found:")
                .containsPattern("<option value=\"MR_CONDITIONAL\"[^>]*selected");
        mvc.perform(tech(post("/exams/" + next.id() + "/mri")).param("implant", "NO_IMPLANT")
                        .param("formReviewed", "true").param("verbalConfirmed", "true").param("zoneFourCheck", "true"))
                .andExpect(flash().attribute("error", Matchers.containsString("To record “No implant”, say why")));
    }

    static String section(String page, String id) {
        Matcher matcher = Pattern.compile("<section[^>]*id=\"" + id + "\"[^>]*>(.*?)</section>", Pattern.DOTALL)
                .matcher(page);
        assertThat(matcher.find()).as("section " + id).isTrue();
        return matcher.group(1);
    }

    String page(Exam exam) throws Exception {
        return mvc.perform(tech(get("/exams/" + exam.id()))).andReturn().getResponse().getContentAsString();
    }

    long patient(LocalDate born, Sex sex, String allergies, PregnancyStatus pregnancy) {
        var demographics = new Demographics("SCREEN", "Test", null, born, sex, null, allergies, pregnancy, null, null);
        return patients.register(new PatientIdentifier("HOSP", "SC-" + System.nanoTime() % 1_000_000_000L),
                demographics, LEAD).id();
    }

    Exam verifiedExam(long patient, String procedure) {
        Exam exam = exams.schedule(new NewExam(null, patient, procedure, null, Priority.ROUTINE, "CT1", clock.instant(),
                null, null), LEAD);
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
        return exams.transition(exam.id(), ExamState.VERIFIED, LEAD, null);
    }

    static MockHttpServletRequestBuilder tech(MockHttpServletRequestBuilder request) {
        return request.with(user("tech").roles("TECHNOLOGIST")).with(csrf());
    }
}
