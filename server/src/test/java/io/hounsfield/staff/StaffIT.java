package io.hounsfield.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
import io.hounsfield.security.NewUser;
import io.hounsfield.security.Role;
import io.hounsfield.security.UserService;
import io.hounsfield.staff.learning.OrientationItem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Issue 21: the staff record is enforced where the work happens, at the start of an exam. */
@HounsfieldIntegrationTest
class StaffIT {

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
    UserService users;

    @Autowired
    StaffService staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTechnologistWithoutCtCompetencyCannotStartACtExamUntilALeadSignsThemOff() throws Exception {
        StaffMember radiographer = technologist("R");
        Exam ct = verifiedExam("CTHEAD");

        mvc.perform(as(radiographer, post("/exams/" + ct.id() + "/start")))
                .andExpect(flash().attribute("error", Matchers.allOf(
                        Matchers.containsString("may not start this CT exam"),
                        Matchers.containsString("no CT credential in date and no site sign-off for CT"))));
        assertThat(exams.get(ct.id()).state()).isEqualTo(ExamState.VERIFIED);
        assertThat(auditCount("EXAM_START_REFUSED", radiographer.username(), "FAILURE")).isEqualTo(1);

        Exam chest = verifiedExam("XRCHEST1");
        mvc.perform(as(radiographer, post("/exams/" + chest.id() + "/start")))
                .andExpect(flash().attribute("message", "Exam started."));

        mvc.perform(post("/staff/" + radiographer.id() + "/competencies").with(user("lead").roles("LEAD")).with(csrf())
                        .param("modality", "ct").param("note", "Trained on the CT1 scanner"))
                .andExpect(flash().attribute("message", "Sign-off recorded."));
        mvc.perform(as(radiographer, post("/exams/" + ct.id() + "/start")))
                .andExpect(flash().attribute("message", "Exam started."));
        assertThat(exams.get(ct.id()).state()).isEqualTo(ExamState.IN_PROGRESS);
    }

    @Test
    void anExpiredBlsCardBlocksAndALeadsDatedExceptionLetsTheExamStartAudited() throws Exception {
        LocalDate today = LocalDate.now(clock);
        StaffMember tech = technologistWithCard("CT", today.minusDays(1));
        Exam ct = verifiedExam("CTHEAD");

        mvc.perform(as(tech, post("/exams/" + ct.id() + "/start")))
                .andExpect(flash().attribute("error", Matchers.containsString(
                        "the BLS/CPR card expired on " + today.minusDays(1))));
        assertThat(staff.alerts(tech.id())).extracting(StaffAlert::band).contains(ExpiryBand.EXPIRED);

        // A technologist may not grant an exception, not even to themselves.
        mvc.perform(as(tech, post("/staff/" + tech.id() + "/exceptions")).param("reason", "renewal booked")
                        .param("validUntil", today.plusDays(7).toString()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/" + tech.id() + "/exceptions").with(user("lead").roles("LEAD")).with(csrf())
                        .param("reason", "BLS renewal class booked for next week; card seen expired yesterday")
                        .param("validUntil", today.plusDays(7).toString()))
                .andExpect(flash().attribute("message", "Dated exception recorded."));
        mvc.perform(as(tech, post("/exams/" + ct.id() + "/start")))
                .andExpect(flash().attribute("message", "Exam started."));

        String applied = jdbc.sql("SELECT detail FROM audit_event WHERE action = 'STAFF_EXCEPTION_APPLIED' AND object_id = ?")
                .param(tech.username()).query(String.class).single();
        assertThat(applied).contains("recorded by lead", "BLS renewal class booked", "the BLS/CPR card expired");
        assertThat(auditCount("STAFF_EXCEPTION_RECORDED", tech.username(), "SUCCESS")).isEqualTo(1);
    }

    @Test
    void anExceptionThatEndedNoLongerCounts() {
        LocalDate today = LocalDate.now(clock);
        StaffMember tech = technologistWithCard("R", today.plusYears(1));
        jdbc.sql("INSERT INTO staff_exception (staff_id, reason, valid_until, recorded_by) VALUES (?, 'old', ?, 'lead')")
                .params(tech.id(), java.sql.Date.valueOf(today.minusDays(1))).update();
        Actor actor = new Actor(tech.username(), "TECHNOLOGIST", null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> staff.checkMayPerform(actor, "MR", "MRBRAIN"))
                .hasMessageContaining("no MR credential");
    }

    @Test
    void someoneWithoutAStaffRecordIsNotCheckedByDefault() {
        staff.checkMayPerform(new Actor("nobody-" + UUID.randomUUID(), "TECHNOLOGIST", null), "CT", "CTHEAD");
    }

    @Test
    void aDocumentOfAnotherTypeIsRefusedWithTheReasonAPdfIsKept() throws Exception {
        StaffMember tech = technologist("R");
        MockMultipartFile html = new MockMultipartFile("file", "bls-card.pdf", "application/pdf",
                "<html><body>not a scan</body></html>".getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/staff/" + tech.id() + "/documents").file(html)
                        .with(user("lead").roles("LEAD")).with(csrf()))
                .andExpect(flash().attribute("error",
                        "Only PDF, PNG and JPEG files are accepted, and this file is none of them."));
        assertThat(staff.documents(tech.id())).isEmpty();
        assertThat(auditCount("STAFF_DOCUMENT_REFUSED", tech.username(), "FAILURE")).isEqualTo(1);

        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart("/staff/" + tech.id() + "/documents").file(new MockMultipartFile("file", "card.bin",
                        "application/octet-stream", pdf)).with(user(tech.username()).roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(flash().attribute("message", "Document kept."));
        StaffDocument kept = staff.documents(tech.id()).get(0);
        assertThat(kept.contentType()).isEqualTo("application/pdf");

        mvc.perform(get("/staff/" + tech.id() + "/documents/" + kept.id()).with(user(tech.username()).roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf))
                .andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/staff/" + tech.id() + "/documents/" + kept.id()).with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isForbidden());
        assertThat(auditCount("STAFF_DOCUMENT_VIEWED", tech.username(), "SUCCESS")).isEqualTo(1);
    }

    @Test
    void eachPersonSeesTheirOwnRecordALeadSeesEveryone() throws Exception {
        StaffMember tech = technologist("CT");

        mvc.perform(get("/staff/me").with(user(tech.username()).roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Computed Tomography (CT)")));
        mvc.perform(get("/staff").with(user(tech.username()).roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Computed Tomography (CT)")));
        mvc.perform(get("/staff/" + tech.id()).with(user(tech.username()).roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Computed Tomography (CT)")));
        mvc.perform(get("/staff/" + tech.id()).with(user("student").roles("STUDENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/staff").with(user("lead").roles("LEAD")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(tech.fullName())));
        mvc.perform(post("/staff/" + tech.id() + "/credentials").with(user(tech.username()).roles("TECHNOLOGIST"))
                        .with(csrf()).param("kind", "ARRT").param("code", "MR"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aStudentsCompetencyIsSignedOffByATechnologistNotByTheStudent() throws Exception {
        String username = "student-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(username, "Stu Dent", Role.STUDENT, "password123"));
        StaffMember student = staff.create(username, null, "Radiography (A.S.)", null, LEAD);
        String today = LocalDate.now(clock).toString();

        mvc.perform(post("/staff/" + student.id() + "/student-competencies").with(user(username).roles("STUDENT"))
                        .with(csrf()).param("requirement", "CHEST-ROUTINE").param("performedOn", today))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/" + student.id() + "/student-competencies").with(user("tech").roles("TECHNOLOGIST"))
                        .with(csrf()).param("requirement", "CHEST-ROUTINE").param("performedOn", today))
                .andExpect(flash().attribute("message", "Competency signed off."));
        mvc.perform(post("/staff/" + student.id() + "/student-competencies").with(user("tech").roles("TECHNOLOGIST"))
                        .with(csrf()).param("requirement", "CHEST-ROUTINE").param("performedOn", today))
                .andExpect(flash().attribute("error", "Chest routine is signed off already."));
        mvc.perform(get("/staff/" + student.id()).with(user(username).roles("STUDENT")))
                .andExpect(content().string(Matchers.containsString("Mandatory imaging procedures: 1 of 36")));
        assertThat(auditCount("STUDENT_COMPETENCY_SIGNED_OFF", username, "SUCCESS")).isEqualTo(1);
    }

    @Test
    void aLeadSignsOffOrientation() throws Exception {
        StaffMember tech = technologist("R");
        OrientationItem first = jdbc.sql("SELECT id FROM staff_orientation_item WHERE staff_id = ? AND position = 1")
                .param(tech.id()).query((row, n) -> new OrientationItem(row.getLong(1), tech.id(), 1, "", null, null))
                .single();

        mvc.perform(post("/staff/" + tech.id() + "/orientation/" + first.id()).with(user("lead").roles("LEAD")).with(csrf()))
                .andExpect(flash().attribute("message", "Orientation item signed off."));
        mvc.perform(post("/staff/" + tech.id() + "/orientation/" + first.id()).with(user("lead").roles("LEAD")).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("signed off already")));
        assertThat(jdbc.sql("SELECT signed_off_by FROM staff_orientation_item WHERE id = ?").param(first.id())
                .query(String.class).single()).isEqualTo("lead");
    }

    private StaffMember technologist(String arrtCredential) {
        return technologistWithCard(arrtCredential, LocalDate.now(clock).plusYears(1));
    }

    private StaffMember technologistWithCard(String arrtCredential, LocalDate cardExpires) {
        String username = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(username, "Robin " + username, Role.TECHNOLOGIST, "password123"));
        StaffMember member = staff.create(username, Month.JUNE, null, null, LEAD);
        LocalDate today = LocalDate.now(clock);
        staff.addCredential(member.id(), CredentialKind.ARRT, arrtCredential, "1234567", today.minusYears(4),
                today.plusMonths(6), LEAD);
        staff.addCredential(member.id(), CredentialKind.BLS, "AHA BLS Provider", "B-1", cardExpires.minusYears(2),
                cardExpires, LEAD);
        return member;
    }

    private Exam verifiedExam(String procedure) {
        long patient = patients.registerTemporary(Sex.M, LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, procedure, null, Priority.ROUTINE, "CT1", clock.instant(),
                null, null), LEAD);
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
        return exams.transition(exam.id(), ExamState.VERIFIED, LEAD, null);
    }

    private long auditCount(String action, String objectId, String outcome) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND object_id = ? AND outcome = ?")
                .params(action, objectId, outcome).query(Long.class).single();
    }

    private static MockHttpServletRequestBuilder as(StaffMember member, MockHttpServletRequestBuilder request) {
        return request.with(user(member.username()).roles("TECHNOLOGIST")).with(csrf());
    }
}
