package io.hounsfield.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.ArchiveService;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.ExamTransition;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.quality.ImageRejections;
import io.hounsfield.quality.QualityImages;
import io.hounsfield.security.NewUser;
import io.hounsfield.security.Role;
import io.hounsfield.security.UserService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 21, JRCERT Standard Five: a student's exam needs a named supervising technologist, and a student's repeat
 * (the reject of the image to be repeated) needs direct supervision recorded, the technologist in the room. Also the
 * person's own alerts on their start page.
 */
@HounsfieldIntegrationTest
class StudentSupervisionIT {

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
    ArchiveService archive;

    @Autowired
    ImageRejections rejections;

    @Autowired
    UserService users;

    @Autowired
    StaffService staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStudentsRepeatWithoutDirectSupervisionIsRefused() throws Exception {
        String student = student();
        QualityImages images = new QualityImages(exams, patients, archive, clock);
        Exam exam = images.startedExam();
        Attributes image = images.radiograph(exam, 1);
        images.store(image);
        String sop = image.getString(Tags.SOPInstanceUID);

        mvc.perform(reject(exam, sop, student))
                .andExpect(flash().attribute("error", Matchers.containsString("only under direct supervision")));
        mvc.perform(reject(exam, sop, student).param("supervisor", "tech"))
                .andExpect(flash().attribute("error", Matchers.containsString("watching on a monitor does not count")));
        mvc.perform(reject(exam, sop, student).param("supervisor", student).param("supervisorPresent", "true"))
                .andExpect(flash().attribute("error", student + " is not a technologist who can supervise you."));
        String lapsed = technologistWithCardEnding(LocalDate.now(clock).minusDays(3));
        mvc.perform(reject(exam, sop, student).param("supervisor", lapsed).param("supervisorPresent", "true"))
                .andExpect(flash().attribute("error", Matchers.containsString("cannot supervise this DX work: the"
                        + " BLS/CPR card expired")));
        assertThat(rejections.reasons(exam.studyInstanceUid())).isEmpty();
        assertThat(audits("STUDENT_REPEAT_REFUSED", student, "FAILURE")).isEqualTo(4);

        mvc.perform(reject(exam, sop, student).param("supervisor", "tech").param("supervisorPresent", "true"))
                .andExpect(flash().attribute("message", Matchers.startsWith("Image rejected.")));
        assertThat(rejections.reasons(exam.studyInstanceUid())).containsKey(sop);
        assertThat(jdbc.sql("SELECT supervisor FROM staff_direct_supervision WHERE student = ? AND subject = ?")
                .params(student, sop).query(String.class).single()).isEqualTo("tech");
        assertThat(audits("STUDENT_DIRECT_SUPERVISION_RECORDED", student, "SUCCESS")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'IMAGE_REJECTED' AND object_id = ?")
                .param(sop).query(String.class).single()).contains("repeat directly supervised by tech");
    }

    @Test
    void aStudentsExamNeedsANamedSupervisingTechnologistAtTheStart() throws Exception {
        String student = student();
        Exam exam = verifiedExam("XRCHEST1");

        mvc.perform(start(exam, student))
                .andExpect(flash().attribute("error", Matchers.startsWith("A student's exam needs a supervising"
                        + " technologist")));
        mvc.perform(start(exam, student).param("supervisor", "radiologist"))
                .andExpect(flash().attribute("error", "radiologist is not a technologist who can supervise you."));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.VERIFIED);

        mvc.perform(start(exam, student).param("supervisor", "tech"))
                .andExpect(flash().attribute("message", "Exam started."));
        assertThat(exams.history(exam.id())).filteredOn(step -> step.to() == ExamState.IN_PROGRESS)
                .extracting(ExamTransition::reason).containsExactly("supervised by tech");

        // A technologist names nobody.
        Exam other = verifiedExam("XRCHEST1");
        mvc.perform(post("/exams/" + other.id() + "/start").with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(flash().attribute("message", "Exam started."));
    }

    @Test
    void thePersonsOwnAlertsShowOnTheirStartPageAndALeadSeesTheDepartmentsCount() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String tech = technologistWithCardEnding(today.plusDays(20));

        String board = page("/board", tech, "TECHNOLOGIST");
        assertThat(board).contains("id=\"start-notices\"")
                .contains("Your BLS/CPR card AHA BLS Provider: ends in 20 days, on " + today.plusDays(20) + ".");
        assertThat(page("/staff/me", tech, "TECHNOLOGIST")).doesNotContain("id=\"start-notices\"");

        String leadBoard = page("/board", "lead", "LEAD");
        assertThat(leadBoard).containsPattern("\\d+ alerts? on staff records: ")
                .contains("within 30 days").doesNotContain("Your BLS/CPR card AHA BLS Provider: ends in 20 days");
        String report = page("/staff", "lead", "LEAD");
        assertThat(report).contains("Robin " + tech).contains("Within 30 days");
    }

    private String student() {
        String username = "stu-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(username, "Stu " + username, Role.STUDENT, "password123"));
        return username;
    }

    private String technologistWithCardEnding(LocalDate cardExpires) {
        String username = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(username, "Robin " + username, Role.TECHNOLOGIST, "password123"));
        StaffMember member = staff.create(username, Month.JUNE, null, null, LEAD);
        LocalDate today = LocalDate.now(clock);
        staff.addCredential(member.id(), CredentialKind.ARRT, "R", "1234567", today.minusYears(4),
                today.plusMonths(6), LEAD);
        staff.addCredential(member.id(), CredentialKind.BLS, "AHA BLS Provider", "B-1", cardExpires.minusYears(2),
                cardExpires, LEAD);
        return username;
    }

    private Exam verifiedExam(String procedure) {
        long patient = patients.registerTemporary(Sex.M, LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, procedure, null, Priority.ROUTINE, "DX1", clock.instant(),
                null, null), LEAD);
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
        return exams.transition(exam.id(), ExamState.VERIFIED, LEAD, null);
    }

    private String page(String path, String username, String role) throws Exception {
        return mvc.perform(get(path).with(user(username).roles(role))).andReturn().getResponse().getContentAsString();
    }

    private long audits(String action, String objectId, String outcome) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND object_id = ? AND outcome = ?")
                .params(action, objectId, outcome).query(Long.class).single();
    }

    private static MockHttpServletRequestBuilder reject(Exam exam, String sop, String student) {
        return post("/exams/" + exam.id() + "/quality/reject").param("sopInstanceUid", sop).param("reason", "111209")
                .param("confirmed", "true").with(user(student).roles("STUDENT")).with(csrf());
    }

    private static MockHttpServletRequestBuilder start(Exam exam, String student) {
        return post("/exams/" + exam.id() + "/start").with(user(student).roles("STUDENT")).with(csrf());
    }
}
