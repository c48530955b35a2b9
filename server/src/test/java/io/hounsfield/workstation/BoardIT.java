package io.hounsfield.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@HounsfieldIntegrationTest
class BoardIT {

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
    WorklistBoard board;

    /** Check-in time and "now" come from one clock, also when the suite runs with the clock started at 23:30. */
    @Test
    void aPatientJustCheckedInHasHardlyWaited() {
        Exam exam = todaysExam();
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, "checked in");
        assertThat(board.today(new BoardFilter(null, null, null, null, exam.accessionNumber()))).singleElement()
                .satisfies(row -> assertThat(row.waiting()).isBetween(Duration.ZERO, Duration.ofMinutes(2)));
    }

    @Test
    void checkInNeedsATechnologist() throws Exception {
        Exam exam = todaysExam();
        mvc.perform(post("/board/" + exam.id() + "/check-in").with(user("student").roles("STUDENT")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/board/" + exam.id() + "/check-in").with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ARRIVED);
    }

    @Test
    void aSecondCheckInSaysWhyItIsRefused() throws Exception {
        Exam exam = todaysExam();
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
        mvc.perform(post("/board/" + exam.id() + "/check-in").header("HX-Request", "true")
                        .with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("This exam is already checked in.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("ARRIVED and cannot"))));
    }

    @Test
    void theRowsFilterByRoomAndPriority() throws Exception {
        Exam exam = todaysExam();
        mvc.perform(get("/board/rows").param("room", "US1").param("priority", "URGENT")
                        .with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(exam.accessionNumber())))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">CT1<"))));
    }

    private Exam todaysExam() {
        long patient = patients.registerTemporary(Sex.F, LEAD).id();
        return exams.schedule(new NewExam(null, patient, "USABD", null, Priority.URGENT, "US1", clock.instant(), null,
                null), LEAD);
    }
}
