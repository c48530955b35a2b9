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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 13.8 and 13.9: requests to the cockpit that once answered 500 or wrote a decision nobody made. */
@HounsfieldIntegrationTest
class CockpitRequestsIT {
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
    JdbcClient jdbc;

    @Test
    void theMismatchAddressAnswersEveryRequestWithoutAServerError() throws Exception {
        Exam exam = verifiedExam();
        int get = mvc.perform(get("/exams/" + exam.id() + "/mismatch").with(user("tech").roles("TECHNOLOGIST")))
                .andReturn().getResponse().getStatus();
        assertThat(get).as("GET of a form's target").isLessThan(500);
        int missing = mvc.perform(post("/exams/" + exam.id() + "/mismatch").with(user("tech").roles("TECHNOLOGIST"))
                .with(csrf())).andReturn().getResponse().getStatus();
        assertThat(missing).as("no fields").isEqualTo(400);

        mvc.perform(post("/exams/" + exam.id() + "/mismatch").with(user("tech").roles("TECHNOLOGIST")).with(csrf())
                        .param("identifiers", "name, birth date").param("reason", "wrong side")
                        .param("expectedSide", "upside down"))
                .andExpect(flash().attribute("error", Matchers.containsString("Choose left, right or both")));
        assertThat(exams.activeHold(exam.id())).as("nothing recorded").isEmpty();
    }

    @Test
    void aDecisionOnAScreenThatWasNeverAnsweredIsRefusedAndNotAudited() throws Exception {
        Exam exam = verifiedExam();

        mvc.perform(post("/exams/" + exam.id() + "/decision").with(user("radiologist").roles("RADIOLOGIST"))
                        .with(csrf()).param("screen", "MRI").param("decision", "proceed"))
                .andExpect(flash().attribute("error", Matchers.containsString("no positive MRI safety screen")));

        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'MRI_DECIDED' AND object_id = ?")
                .param(exam.accessionNumber()).query(Long.class).single()).isZero();
    }

    private Exam verifiedExam() {
        long patient = patients.registerTemporary(Sex.F, LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, "CTKUB", null, Priority.ROUTINE, "CT1", clock.instant(),
                null, null), LEAD);
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
        return exams.transition(exam.id(), ExamState.VERIFIED, LEAD, null);
    }
}
