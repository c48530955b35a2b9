package io.hounsfield.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.Actor;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@HounsfieldIntegrationTest
class SchedulingIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    /** A day the demo data leaves empty. */
    /** A day with nothing booked yet, a month after the department clock's today. */
    private final LocalDate freeDay;

    SchedulingIT(@Autowired Clock clock) {
        freeDay = LocalDate.now(clock).plusDays(30);
    }

    @Autowired
    SchedulingService scheduling;

    @Autowired
    Clock clock;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    MockMvc mvc;

    @Test
    void aSlotIsAsLongAsTheProcedureAndCannotBeTakenTwice() {
        Exam first = unbookedExam("MRBRAIN");
        Exam second = unbookedExam("MRLSPINE");
        Instant nine = at(LocalTime.of(9, 0));

        Exam booked = scheduling.book(first.id(), "MR1", nine, LEAD);
        assertThat(Duration.between(booked.scheduledStart(), booked.scheduledEnd())).isEqualTo(Duration.ofMinutes(30));

        assertThatThrownBy(() -> scheduling.book(second.id(), "MR1", at(LocalTime.of(9, 15)), LEAD))
                .isInstanceOf(HounsfieldException.class)
                .hasMessageContaining("MR1 is booked from 09:00 to 09:30");
        assertThat(scheduling.book(second.id(), "MR1", at(LocalTime.of(9, 30)), LEAD).stationAeTitle()).isEqualTo("MR1");
    }

    @Test
    void movingAnExamFreesItsOldSlot() {
        Exam exam = unbookedExam("CTHEAD");
        scheduling.book(exam.id(), "CT1", at(LocalTime.of(13, 0)), LEAD);
        scheduling.book(exam.id(), "CT1", at(LocalTime.of(13, 5)), LEAD);

        Exam other = unbookedExam("CTHEAD");
        assertThat(scheduling.book(other.id(), "CT1", at(LocalTime.of(12, 50)), LEAD).scheduledEnd())
                .isEqualTo(at(LocalTime.of(13, 5)));
    }

    @Test
    void anExamUnderWayCannotBeMoved() {
        Exam exam = unbookedExam("XRCHEST2");
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
        exams.transition(exam.id(), ExamState.VERIFIED, LEAD, null);
        exams.transition(exam.id(), ExamState.IN_PROGRESS, LEAD, null);

        assertThatThrownBy(() -> scheduling.book(exam.id(), "DX1", at(LocalTime.of(16, 0)), LEAD))
                .hasMessageContaining("can no longer be moved");
    }

    @Test
    void theSchedulePageShowsTheRoomsAndBooksFromTheForm() throws Exception {
        Exam exam = unbookedExam("USABD");
        mvc.perform(get("/schedule").with(user("student").roles("STUDENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("US1")))
                .andExpect(content().string(Matchers.containsString(exam.accessionNumber())));

        mvc.perform(post("/schedule/" + exam.id()).with(user("student").roles("STUDENT")).with(csrf())
                        .param("room", "US1").param("day", freeDay.toString()).param("time", "10:00"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/schedule/" + exam.id()).with(user("tech").roles("TECHNOLOGIST")).with(csrf())
                        .param("room", "US1").param("day", freeDay.toString()).param("time", "10:00"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("message", Matchers.containsString("booked in US1 at 10:00")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/schedule?day=" + freeDay));
        // The page the booking leads back to opens (a day in the locale's short style was a 400).
        mvc.perform(get("/schedule?day=" + freeDay).with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk());
        assertThat(exams.get(exam.id()).scheduledStart()).isEqualTo(at(LocalTime.of(10, 0)));

        String page = mvc.perform(get("/schedule").param("day", freeDay.toString()).with(user("tech").roles("TECHNOLOGIST")))
                .andReturn().getResponse().getContentAsString();
        String usRoom = page.substring(page.indexOf("<h2>US1</h2>"), page.indexOf("Waiting for a slot"));
        assertThat(usRoom).contains(exam.accessionNumber()).contains("10:00").doesNotContain("Nothing booked");
    }

    private Exam unbookedExam(String procedure) {
        long patient = patients.registerTemporary(Sex.U, LEAD).id();
        return exams.schedule(new NewExam(null, patient, procedure, null, Priority.ROUTINE, null, null, null, null), LEAD);
    }

    private Instant at(LocalTime time) {
        return freeDay.atTime(time).atZone(ZoneId.systemDefault()).toInstant();
    }
}
