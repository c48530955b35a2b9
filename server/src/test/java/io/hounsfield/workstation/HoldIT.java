package io.hounsfield.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamOnHoldException;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.ExamTransition;
import io.hounsfield.exam.HistoryEvent;
import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Issue 12 point 2: "Record mismatch and stop" holds the exam until a lead overrides it, visibly, for good. */
@HounsfieldIntegrationTest
class HoldIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static final String MISMATCH = "Patient and request say RIGHT knee, LEFT ordered";

    @Autowired
    MockMvc mvc;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aRecordedMismatchHoldsTheExamForEveryoneUntilALeadOverridesIt() throws Exception {
        Exam knee = arrivedLeftKnee();

        mvc.perform(tech(post("/exams/" + knee.id() + "/mismatch")).param("identifiers", "NAME_AND_BIRTH_DATE")
                        .param("reason", MISMATCH).param("expectedSide", "R"))
                .andExpect(flash().attribute("message", Matchers.containsString("on hold")));

        mvc.perform(tech(post("/exams/" + knee.id() + "/verify")).param("identifiers", "NAME_AND_BIRTH_DATE")
                        .param("procedureConfirmed", "true"))
                .andExpect(flash().attribute("error", Matchers.containsString("This exam is on hold: " + MISMATCH)));
        mvc.perform(tech(post("/exams/" + knee.id() + "/start")))
                .andExpect(flash().attribute("error", Matchers.containsString("on hold")));
        assertThatThrownBy(() -> exams.transition(knee.id(), ExamState.VERIFIED, LEAD, "by the service"))
                .isInstanceOf(ExamOnHoldException.class);
        assertThat(exams.get(knee.id()).state()).isEqualTo(ExamState.ARRIVED);

        assertThat(boardRow(knee)).contains("On hold").contains(MISMATCH);
        String page = mvc.perform(tech(get("/exams/" + knee.id()))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"hold\"").contains("Put on hold").contains("the side should be RIGHT")
                .doesNotContain("id=\"verify-form\"").doesNotContain("id=\"start\"");

        mvc.perform(tech(post("/exams/" + knee.id() + "/hold/override")).param("reason", "tech overrides")
                        .param("confirmed", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(lead(post("/exams/" + knee.id() + "/hold/override")).param("reason", "Checked with Dr Osei"))
                .andExpect(flash().attribute("error", Matchers.containsString("Tick the box")));
        assertThat(exams.activeHold(knee.id())).isPresent();
        mvc.perform(lead(post("/exams/" + knee.id() + "/hold/override"))
                        .param("reason", "Dr Osei confirms the LEFT knee: the right was imaged last week")
                        .param("confirmed", "true"))
                .andExpect(flash().attribute("message", Matchers.containsString("Hold lifted")));

        assertThat(exams.activeHold(knee.id())).isEmpty();
        assertThat(boardRow(knee)).doesNotContain("On hold");
        assertThat(exams.history(knee.id())).filteredOn(step -> step.event() != null)
                .extracting(ExamTransition::event, ExamTransition::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HistoryEvent.HOLD_PLACED, "tech"),
                        org.assertj.core.groups.Tuple.tuple(HistoryEvent.HOLD_LIFTED, "lead"));
        assertThat(exams.history(knee.id())).extracting(ExamTransition::reason)
                .anySatisfy(reason -> assertThat(reason).contains(MISMATCH))
                .anySatisfy(reason -> assertThat(reason).contains("Dr Osei confirms the LEFT knee"));
        assertThat(mvc.perform(tech(get("/exams/" + knee.id()))).andReturn().getResponse().getContentAsString())
                .contains("Put on hold").contains(MISMATCH).contains("Hold lifted");
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'EXAM_HOLD_OVERRIDDEN' AND object_id = ?")
                .param(knee.accessionNumber()).query(String.class).single())
                .contains(MISMATCH).contains("Dr Osei confirms");

        mvc.perform(tech(post("/exams/" + knee.id() + "/verify")).param("identifiers", "NAME_AND_BIRTH_DATE")
                        .param("procedureConfirmed", "true"))
                .andExpect(flash().attribute("message", "Identity and procedure verified."));
        assertThat(exams.history(knee.id())).anySatisfy(step -> assertThat(step.reason())
                .isEqualTo("identity confirmed by name and date of birth, procedure and side confirmed"));
        mvc.perform(tech(post("/exams/" + knee.id() + "/start")))
                .andExpect(flash().attribute("message", "Exam started."));
    }

    @Test
    void aMismatchAfterVerificationWithdrawsItAndOnlyALeadMayOverride() {
        Exam knee = arrivedLeftKnee();
        exams.transition(knee.id(), ExamState.VERIFIED, LEAD, "verified");
        Actor tech = new Actor("tech", "TECHNOLOGIST", "127.0.0.1");

        exams.placeHold(knee.id(), MISMATCH, Laterality.R, tech);

        assertThat(exams.get(knee.id()).state()).isEqualTo(ExamState.ARRIVED);
        assertThatThrownBy(() -> exams.transition(knee.id(), ExamState.VERIFIED, tech, null))
                .isInstanceOf(ExamOnHoldException.class);
        assertThatThrownBy(() -> exams.overrideHold(knee.id(), "I am sure", tech))
                .hasMessageContaining("Only a lead");
        assertThatThrownBy(() -> exams.overrideHold(knee.id(), " ", LEAD)).hasMessageContaining("Say why");
        assertThat(exams.activeHold(knee.id())).isPresent();

        exams.placeHold(knee.id(), "Wristband name differs from the request", null, tech);
        assertThat(jdbc.sql("SELECT count(*) FROM exam_hold WHERE exam_id = ?").param(knee.id()).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(exams.history(knee.id())).filteredOn(step -> step.event() != null).extracting(ExamTransition::event)
                .containsExactly(HistoryEvent.HOLD_PLACED, HistoryEvent.HOLD_NOTE);
        assertThat(exams.activeHold(knee.id()).orElseThrow().reason()).isEqualTo(MISMATCH);
    }

    private Exam arrivedLeftKnee() {
        long patient = patients.registerTemporary(Sex.M, LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, "XRKNEE", Laterality.L, Priority.ROUTINE, "DX1",
                clock.instant(), null, null), LEAD);
        return exams.transition(exam.id(), ExamState.ARRIVED, LEAD, "checked in");
    }

    private String boardRow(Exam exam) throws Exception {
        return mvc.perform(tech(get("/board/rows")).param("search", exam.accessionNumber()))
                .andReturn().getResponse().getContentAsString();
    }

    private static MockHttpServletRequestBuilder tech(MockHttpServletRequestBuilder request) {
        return request.with(user("tech").roles("TECHNOLOGIST")).with(csrf());
    }

    private static MockHttpServletRequestBuilder lead(MockHttpServletRequestBuilder request) {
        return request.with(user("lead").roles("LEAD")).with(csrf());
    }
}
