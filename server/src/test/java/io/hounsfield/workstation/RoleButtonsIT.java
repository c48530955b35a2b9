package io.hounsfield.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 12 point 6: a role sees the buttons it may press and no others, and the decisions waiting for
 * radiologists and physicists are listed for them.
 */
@HounsfieldIntegrationTest
class RoleButtonsIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static final RequestPostProcessor TECH = user("tech").roles("TECHNOLOGIST");
    private static final RequestPostProcessor RADIOLOGIST = user("radiologist").roles("RADIOLOGIST");
    private static final RequestPostProcessor PHYSICIST = user("physicist").roles("PHYSICIST");

    @Autowired
    MockMvc mvc;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    Clock clock;

    @Test
    void aRadiologistReadsTheBoardAndTheCockpitWithoutButtonsTheyMayNotPress() throws Exception {
        Exam exam = exam("CTKUB", Sex.F, ExamState.VERIFIED);
        Exam waiting = exam("XRCHEST2", Sex.M, ExamState.SCHEDULED);

        String techCockpit = page("/exams/" + exam.id(), TECH);
        assertThat(techCockpit).contains("id=\"start\"").contains("id=\"complete\"").contains("id=\"verify\"");
        String techBoard = page("/board?search=" + waiting.accessionNumber(), TECH);
        assertThat(techBoard).contains(waiting.accessionNumber()).contains("Check in</button>");

        String cockpit = page("/exams/" + exam.id(), RADIOLOGIST);
        assertThat(cockpit).contains(exam.accessionNumber())
                .doesNotContain("id=\"start\"").doesNotContain("id=\"complete\"").doesNotContain("id=\"verify\"")
                .doesNotContain("/discontinue").doesNotContain("/transport").doesNotContain("/pregnancy\"");
        String board = page("/board?search=" + waiting.accessionNumber(), RADIOLOGIST);
        assertThat(board).contains(waiting.accessionNumber()).doesNotContain("Check in</button>");
        assertThat(rowOf(board, waiting.accessionNumber())).contains(">Scheduled<").contains(">Routine<")
                .doesNotContain(">SCHEDULED<").doesNotContain(">ROUTINE<");
        assertThat(page("/exams/" + exam.id(), PHYSICIST)).doesNotContain("id=\"start\"").doesNotContain("id=\"complete\"");

        // The buttons are hidden because the server refuses them: the same rule answers both.
        mvc.perform(post("/exams/" + exam.id() + "/start").with(RADIOLOGIST).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/board/" + waiting.id() + "/check-in").with(RADIOLOGIST).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPositivePregnancyScreenWaitsOnTheRadiologistsListUntilDecided() throws Exception {
        Exam exam = exam("CTKUB", Sex.F, ExamState.VERIFIED);
        mvc.perform(post("/exams/" + exam.id() + "/pregnancy").with(TECH).with(csrf())
                        .param("answer", "POSSIBLY_PREGNANT").param("method", "PATIENT_ATTESTATION"))
                .andExpect(flash().attribute("message", "Pregnancy screen recorded."));

        String list = page("/decisions", RADIOLOGIST);
        String row = rowOf(list, exam.accessionNumber());
        assertThat(row).contains("Pregnancy").contains("Possibly pregnant").contains("Proceed, change the exam")
                .contains("/exams/" + exam.id()).contains("Decide").contains("the patient attests")
                .doesNotContain("POSSIBLY_PREGNANT").doesNotContain("PATIENT_ATTESTATION");
        assertThat(rowOf(page("/decisions", PHYSICIST), exam.accessionNumber()))
                .contains("fetal dose estimate").contains("Open exam");
        String decisionForm = "action=\"/exams/" + exam.id() + "/decision\"";
        assertThat(page("/exams/" + exam.id(), RADIOLOGIST)).contains(decisionForm);
        assertThat(page("/exams/" + exam.id(), PHYSICIST)).doesNotContain(decisionForm);
        assertThat(page("/exams/" + exam.id(), TECH)).doesNotContain(decisionForm);

        mvc.perform(post("/exams/" + exam.id() + "/decision").with(RADIOLOGIST).with(csrf())
                        .param("screen", "PREGNANCY").param("decision", "Proceed with the low-dose protocol"))
                .andExpect(flash().attribute("message", "Decision recorded."));
        assertThat(page("/decisions", RADIOLOGIST)).doesNotContain(exam.accessionNumber());
    }

    @Test
    void anMriImplantWaitsForAPhysicistButAContrastRiskDoesNot() throws Exception {
        Exam mri = exam("MRBRAIN", Sex.M, ExamState.VERIFIED);
        mvc.perform(post("/exams/" + mri.id() + "/mri").with(TECH).with(csrf()).param("implant", "MR_CONDITIONAL")
                        .param("formReviewed", "true").param("verbalConfirmed", "true").param("zoneFourCheck", "true"))
                .andExpect(flash().attribute("message", "MRI screen recorded."));
        Exam contrast = exam("CTCHESTC", Sex.M, ExamState.VERIFIED);
        mvc.perform(post("/exams/" + contrast.id() + "/contrast").with(TECH).with(csrf()).param("aki", "false").param("dialysis", "false").param("egfr", "25")
                        .param("egfrDate", LocalDate.now(clock).toString()).param("priorReaction", "NONE")
                        .param("metformin", "false").param("kidneyRisk", "false"))
                .andExpect(flash().attribute("message", "Contrast screen recorded."));

        String physicist = page("/decisions", PHYSICIST);
        assertThat(rowOf(physicist, mri.accessionNumber())).contains("MRI safety").contains("MR Conditional").contains("Decide");
        assertThat(physicist).doesNotContain(contrast.accessionNumber());
        assertThat(page("/exams/" + mri.id(), PHYSICIST)).contains("action=\"/exams/" + mri.id() + "/decision\"");
        assertThat(rowOf(page("/decisions", RADIOLOGIST), contrast.accessionNumber())).contains("Contrast risk").contains("eGFR 25").doesNotContain("HIGH_RISK");
        mvc.perform(get("/decisions").with(TECH)).andExpect(status().isForbidden());
    }

    @Test
    void aNotPregnantAnswerAgainstTheRecordAlsoWaitsForADecision() throws Exception {
        LocalDate born = LocalDate.now(clock).minusYears(28);
        long patient = patients.register(new PatientIdentifier("HOSP", "RB-" + UUID.randomUUID()),
                new Demographics("ROLES", "Record", null, born, Sex.F, null, null, PregnancyStatus.PREGNANT, null, null),
                LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, "CTKUB", null, Priority.ROUTINE, "CT1", clock.instant(),
                null, null), LEAD);
        mvc.perform(post("/exams/" + exam.id() + "/pregnancy").with(TECH).with(csrf()).param("answer", "NOT_PREGNANT")
                        .param("method", "PREGNANCY_TEST_NEGATIVE").param("contradictionReason", "Test today negative"))
                .andExpect(flash().attribute("message", "Pregnancy screen recorded."));

        assertThat(rowOf(page("/decisions", RADIOLOGIST), exam.accessionNumber()))
                .contains("Not pregnant").contains("goes against the record").contains("Decide");
        assertThat(rowOf(page("/decisions", user("lead").roles("LEAD")), exam.accessionNumber())).contains("Decide");
    }

    private String page(String path, RequestPostProcessor user) throws Exception {
        return mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The table row of the exam with this accession number. */
    private static String rowOf(String html, String accessionNumber) {
        int marker = html.indexOf("data-accession=\"" + accessionNumber + "\"");
        assertThat(marker).as("row of " + accessionNumber).isPositive();
        return html.substring(marker, html.indexOf("</tr>", marker));
    }

    /** A patient of their own (a woman of 30 for the pregnancy screen) with an exam booked now. */
    private Exam exam(String procedure, Sex sex, ExamState state) {
        LocalDate born = LocalDate.now(clock).minusYears(30);
        long patient = patients.register(new PatientIdentifier("HOSP", "RB-" + UUID.randomUUID()),
                Demographics.named("ROLES", "Test", born, sex), LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, procedure, null, Priority.ROUTINE, "CT1",
                clock.instant(), null, null), LEAD);
        if (state != ExamState.SCHEDULED) {
            exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
            exam = exams.transition(exam.id(), ExamState.VERIFIED, LEAD, null);
        }
        return exam;
    }
}
