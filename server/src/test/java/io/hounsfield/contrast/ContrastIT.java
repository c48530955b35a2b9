package io.hounsfield.contrast;

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
import io.hounsfield.scp.DicomListener;
import io.hounsfield.worklist.WorklistProbe;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@HounsfieldIntegrationTest
class ContrastIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    ContrastService contrast;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DicomListener listener;

    @TempDir
    Path responses;

    @Test
    void aReactionCreatesTheAllergyEntryAndTheWarningOnTheNextOrder() throws Exception {
        long patient = patients.registerTemporary(Sex.F, LEAD).id();
        Exam first = verifiedExam(patient, "CTCHESTC");
        String ago = LocalDateTime.now(clock).minusMinutes(5).format(LOCAL);
        mvc.perform(tech(post("/exams/" + first.id() + "/contrast/reaction")).param("onset", ago)
                        .param("type", "ALLERGIC_LIKE").param("severity", "MODERATE").param("example", "AMIL1"))
                .andExpect(flash().attribute("error", Matchers.containsString("is a mild allergic-like reaction")));
        mvc.perform(tech(post("/exams/" + first.id() + "/contrast/reaction")).param("onset", ago)
                        .param("type", "ALLERGIC_LIKE").param("severity", "MODERATE").param("example", "AMOD1")
                        .param("treatment", "Diphenhydramine 50 mg IV").param("outcome", "resolved in 30 min"))
                .andExpect(flash().attribute("message", Matchers.startsWith("Reaction recorded")));
        assertThat(contrast.warnings(patient)).singleElement().asString()
                .startsWith("Contrast reaction on ").contains("to iodinated contrast: moderate, diffuse hives or itching")
                .endsWith("— premedicate");

        Exam next = verifiedExam(patient, "CTCHESTC");
        String page = mvc.perform(tech(get("/exams/" + next.id()))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("contrast-warning").contains("moderate, diffuse hives or itching — premedicate")
                .contains("On record:");
        String board = mvc.perform(tech(get("/board/rows"))).andReturn().getResponse().getContentAsString();
        assertThat(board).contains("moderate, diffuse hives or itching — premedicate");
        String order = mvc.perform(tech(get("/orders/new")).param("patient", String.valueOf(patient))).andReturn()
                .getResponse().getContentAsString();
        assertThat(order).contains("moderate, diffuse hives or itching — premedicate");
    }

    @Test
    void aPremedicatedExamCannotStartEarlyAndCanAfterTheWait() throws Exception {
        long patient = patients.registerTemporary(Sex.M, LEAD).id();
        Exam exam = verifiedExam(patient, "CTCHESTC");
        mvc.perform(tech(post("/exams/" + exam.id() + "/contrast")).param("aki", "false").param("dialysis", "false")
                        .param("egfr", "25").param("priorReaction", "NONE").param("metformin", "false")
                        .param("kidneyRisk", "false"))
                .andExpect(flash().attribute("message", "Contrast screen recorded."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("error", Matchers.containsString("a radiologist must decide")));
        mvc.perform(post("/exams/" + exam.id() + "/decision").with(user("radiologist").roles("RADIOLOGIST")).with(csrf())
                        .param("screen", "CONTRAST").param("decision", "saline prophylaxis; 13-h oral regimen"))
                .andExpect(flash().attribute("error", Matchers.containsString("Choose the decision")));
        mvc.perform(post("/exams/" + exam.id() + "/decision").with(user("radiologist").roles("RADIOLOGIST")).with(csrf())
                        .param("screen", "CONTRAST").param("contrastDecision", "PREMEDICATE")
                        .param("decision", "saline prophylaxis; 13-h oral regimen"))
                .andExpect(flash().attribute("message", "Decision recorded."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("error", Matchers.containsString("record the doses given")));

        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        dose(exam, "Prednisone 50 mg by mouth", now.minusHours(12));
        dose(exam, "Diphenhydramine 50 mg", now.minusMinutes(20));
        String last = now.minusMinutes(20).format(DateTimeFormatter.ofPattern("HH:mm"));
        String from = now.minusMinutes(20).plus(Duration.ofHours(1)).format(DateTimeFormatter.ofPattern("HH:mm"));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start")))
                .andExpect(flash().attribute("error",
                        "Premedication: last dose at " + last + "; the exam can start from " + from + "."));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.VERIFIED);

        Exam other = verifiedExam(patients.registerTemporary(Sex.M, LEAD).id(), "CTCHESTC");
        mvc.perform(tech(post("/exams/" + other.id() + "/contrast")).param("aki", "false").param("dialysis", "false")
                        .param("egfr", "25").param("priorReaction", "NONE").param("metformin", "false")
                        .param("kidneyRisk", "false"))
                .andExpect(flash().attribute("message", "Contrast screen recorded."));
        mvc.perform(post("/exams/" + other.id() + "/decision").with(user("radiologist").roles("RADIOLOGIST")).with(csrf())
                        .param("screen", "CONTRAST").param("contrastDecision", "PREMEDICATE").param("decision", ""))
                .andExpect(flash().attribute("message", "Decision recorded."));
        dose(other, "Prednisone 50 mg by mouth", now.minusHours(13));
        dose(other, "Diphenhydramine 50 mg", now.minusMinutes(61));
        Exam cancelled = verifiedExam(patients.registerTemporary(Sex.M, LEAD).id(), "CTCHESTC");
        contrast.decide(cancelled, "CANCEL", "eGFR 12", new Actor("radiologist", "RADIOLOGIST", "127.0.0.1"));
        assertThat(WorklistProbe.accessions(responses, listener.port(), "CT1", LocalDate.now(clock)))
                .as("the modality is offered neither the exam still waiting for its premedication nor the cancelled one")
                .contains(other.accessionNumber())
                .doesNotContain(exam.accessionNumber(), cancelled.accessionNumber());
        mvc.perform(tech(post("/exams/" + other.id() + "/start")))
                .andExpect(flash().attribute("message", "Exam started."));
    }

    @Test
    void anAdministrationFromAnExpiredOrRecalledLotRecordsNothingAndAGoodOneTakesExactlyItsVolume() throws Exception {
        Exam exam = verifiedExam(patients.registerTemporary(Sex.M, LEAD).id(), "CTCHESTC");
        long expired = lot("Omnipaque 350 expired " + exam.id(), "E" + exam.id(), LocalDate.now(clock).minusDays(1), false);
        long recalled = lot("Omnipaque 350 recalled " + exam.id(), "R" + exam.id(), LocalDate.now(clock).plusYears(1), true);
        long good = lot("Omnipaque 350 good " + exam.id(), "G" + exam.id(), LocalDate.now(clock).plusYears(1), false);
        for (long refused : new long[] {expired, recalled}) {
            mvc.perform(administer(exam, refused, "80"))
                    .andExpect(flash().attribute("error", Matchers.containsString("cannot be used")));
            assertThat(stock(refused)).isEqualByComparingTo("500");
        }
        assertThat(administrations(exam)).isZero();

        mvc.perform(administer(exam, good, "87.5"))
                .andExpect(flash().attribute("message", Matchers.startsWith("Contrast administration recorded")));
        assertThat(stock(good)).isEqualByComparingTo("412.5");
        assertThat(administrations(exam)).isOne();
        String page = mvc.perform(tech(get("/exams/" + exam.id()))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("87.5 mL of Omnipaque 350 good").contains("412.5 mL left");
    }

    private MockHttpServletRequestBuilder administer(Exam exam, long lot, String volume) {
        return tech(post("/exams/" + exam.id() + "/contrast/administration")).param("lotId", String.valueOf(lot))
                .param("volumeMl", volume).param("route", "IV").param("site", "right antecubital")
                .param("rateMlPerS", "3").param("injector", "CT1 injector")
                .param("administeredAt", LocalDateTime.now(clock).minusMinutes(1).format(LOCAL));
    }

    private long lot(String item, String lotNumber, LocalDate expiry, boolean recalled) {
        long itemId = jdbc.sql("INSERT INTO inventory_item (name, category, unit, agent_code) VALUES (?, 'CONTRAST', 'mL', "
                + "'IOHEXOL_350') RETURNING id").param(item).query(Long.class).single();
        long lotId = jdbc.sql("INSERT INTO inventory_lot (item_id, lot_number, expiry, recalled_at, recalled_by, "
                + "recall_reason) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(itemId, lotNumber, java.sql.Date.valueOf(expiry),
                        recalled ? java.sql.Timestamp.from(clock.instant()) : null, recalled ? "lead" : null,
                        recalled ? "manufacturer recall" : null).query(Long.class).single();
        jdbc.sql("INSERT INTO inventory_stock (lot_id, room, quantity) VALUES (?, 'CT1', 500)").param(lotId).update();
        return lotId;
    }

    private BigDecimal stock(long lot) {
        return jdbc.sql("SELECT quantity FROM inventory_stock WHERE lot_id = ? AND room = 'CT1'").param(lot)
                .query(BigDecimal.class).single();
    }

    private int administrations(Exam exam) {
        return jdbc.sql("SELECT count(*) FROM contrast_administration WHERE exam_id = ?").param(exam.id())
                .query(Integer.class).single();
    }

    private void dose(Exam exam, String drug, LocalDateTime at) throws Exception {
        mvc.perform(tech(post("/exams/" + exam.id() + "/contrast/premedication")).param("regimen", "ORAL_PREDNISONE_13H")
                        .param("drug", drug).param("givenAt", at.format(LOCAL)))
                .andExpect(flash().attribute("message", "Premedication dose recorded."));
    }

    private Exam verifiedExam(long patient, String procedure) {
        Exam exam = exams.schedule(new NewExam(null, patient, procedure, null, Priority.ROUTINE, "CT1", clock.instant(),
                null, null), LEAD);
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
        return exams.transition(exam.id(), ExamState.VERIFIED, LEAD, null);
    }

    private static MockHttpServletRequestBuilder tech(MockHttpServletRequestBuilder request) {
        return request.with(user("tech").roles("TECHNOLOGIST")).with(csrf());
    }
}
