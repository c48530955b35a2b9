package io.hounsfield.workstation;

import static io.hounsfield.workstation.SafetyScreensIT.section;
import static io.hounsfield.workstation.SafetyScreensIT.tech;
import static org.assertj.core.api.Assertions.assertThat;
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
import io.hounsfield.patient.Sex;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 12, point 7: what the screens say to staff, and the Spanish handout, in plain words. */
@HounsfieldIntegrationTest
class ScreenWordingIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Autowired
    MockMvc mvc;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    Clock clock;

    @Test
    void aRecordedPregnancyScreenReadsAsASentenceWithWhoAndWhen() throws Exception {
        Exam exam = verifiedExam("CTKUB", LocalDate.now(clock).minusYears(34), Sex.F);
        String before = ZonedDateTime.now(clock).format(TIME);
        mvc.perform(tech(post("/exams/" + exam.id() + "/pregnancy")).param("answer", "NOT_PREGNANT")
                        .param("method", "PREGNANCY_TEST_NEGATIVE"))
                .andExpect(flash().attribute("message", "Pregnancy screen recorded."));
        String after = ZonedDateTime.now(clock).format(TIME);
        String pregnancy = section(page(exam), "pregnancy");
        assertThat(pregnancy).containsAnyOf(
                "Not pregnant — negative pregnancy test, recorded by tech at " + before,
                "Not pregnant — negative pregnancy test, recorded by tech at " + after);
        assertThat(pregnancy).doesNotContain("NOT_PREGNANT (").doesNotContain("PREGNANCY_TEST_NEGATIVE,");
    }

    @Test
    void anMriCannotTellSaysWhoMustDecide() throws Exception {
        Exam exam = verifiedExam("MRBRAIN", LocalDate.of(1962, 8, 9), Sex.M);
        mvc.perform(tech(post("/exams/" + exam.id() + "/mri")).param("implant", "UNKNOWN")
                        .param("formReviewed", "true").param("verbalConfirmed", "true").param("zoneFourCheck", "true"))
                .andExpect(flash().attribute("message", "MRI screen recorded."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("error", "MRI screening could not rule out an implant: a radiologist or "
                        + "MR physicist must decide before the exam starts."));
        assertThat(section(page(exam), "mri")).contains("Cannot tell (unknown or unlabelled implant) — written form, "
                + "spoken confirmation and final check before Zone IV, recorded by tech at");
    }

    @Test
    void aContrastScreenReadsWithoutCodes() throws Exception {
        Exam exam = verifiedExam("CTCHESTC", LocalDate.of(1950, 1, 1), Sex.M);
        mvc.perform(tech(post("/exams/" + exam.id() + "/contrast")).param("aki", "false").param("dialysis", "false").param("egfr", "38").param("egfrDate", "2026-11-20")
                        .param("priorReaction", "NONE").param("metformin", "true").param("kidneyRisk", "false")
                        .param("weightKg", "81.5"))
                .andExpect(flash().attribute("message", "Contrast screen recorded."));
        assertThat(section(page(exam), "contrast")).contains("Caution: kidney function reduced (eGFR 30 to 44) — "
                + "eGFR 38 (measured 2026-11-20); prior reaction: none; metformin: yes; kidney disease, hypertension "
                + "or diabetes: no; weight 81.5 kg, recorded by tech at").doesNotContain("NO_RISK").doesNotContain("CAUTION");
    }

    @Test
    void theSpanishHandoutNamesTheProcedureAndItsButtonInSpanish() throws Exception {
        Exam exam = verifiedExam("CTABDPELC", LocalDate.of(1960, 4, 2), Sex.M);
        String handout = mvc.perform(tech(get("/exams/" + exam.id() + "/instructions")).param("language", "es"))
                .andReturn().getResponse().getContentAsString();
        assertThat(handout).contains("TC de abdomen y pelvis con contraste").contains(">Imprimir</button>")
                .doesNotContain("CT abdomen and pelvis with contrast").doesNotContain(">Print</button>");
        String english = mvc.perform(tech(get("/exams/" + exam.id() + "/instructions")))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("CT abdomen and pelvis with contrast").contains(">Print</button>");
    }

    private Exam verifiedExam(String procedure, LocalDate born, Sex sex) {
        long patient = patients.register(new PatientIdentifier("HOSP", "SW-" + System.nanoTime() % 1_000_000_000L),
                Demographics.named("WORDING", "Test", born, sex), LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, procedure, null, Priority.ROUTINE, "CT1", clock.instant(),
                null, null), LEAD);
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
        return exams.transition(exam.id(), ExamState.VERIFIED, LEAD, null);
    }

    private String page(Exam exam) throws Exception {
        return mvc.perform(tech(get("/exams/" + exam.id()))).andReturn().getResponse().getContentAsString();
    }
}
