package io.hounsfield.workstation;

import static io.hounsfield.workstation.SafetyScreensIT.section;
import static io.hounsfield.workstation.SafetyScreensIT.tech;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.notification.Notification;
import io.hounsfield.notification.NotificationService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 12, point 3: after the start the screens are read-only; a late finding is an amendment that notifies. */
@HounsfieldIntegrationTest
class LateFindingIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static final String REASON = "patient disclosed a positive home test after the scan";

    @Autowired
    MockMvc mvc;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    NotificationService notifications;

    @Autowired
    AuditService audit;

    @Autowired
    Clock clock;

    @Test
    void aScreenCannotBeChangedAfterTheStartExceptAsAnAmendmentThatNotifiesTheLeadAndTheRadiologist() throws Exception {
        Exam exam = completedCtAbdomenForAYoungWoman();
        mvc.perform(tech(post("/exams/" + exam.id() + "/pregnancy")).param("answer", "PREGNANT")
                        .param("method", "PREGNANCY_TEST_POSITIVE"))
                .andExpect(flash().attribute("error", Matchers.startsWith(
                        "The exam has started, so its screens can no longer be changed.")));
        String before = page(exam);
        assertThat(section(before, "pregnancy")).contains("Not pregnant — the patient attests")
                .doesNotContain("id=\"pregnancy-form\"").contains("Record late finding");

        mvc.perform(tech(post("/exams/" + exam.id() + "/late-finding")).param("screen", "PREGNANCY")
                        .param("answer", "PREGNANT"))
                .andExpect(flash().attribute("error", "Say what was found after the start, and how."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/late-finding")).param("screen", "PREGNANCY")
                        .param("answer", "PREGNANT").param("reason", REASON))
                .andExpect(flash().attribute("message", Matchers.startsWith("Late finding recorded")));

        String after = page(exam);
        assertThat(section(after, "pregnancy")).contains("Pregnant — late finding after the exam started");
        assertThat(after).contains("Late findings").contains("Pregnancy screen changed after the start from "
                + "“Not pregnant” to “Pregnant” by tech — " + REASON);
        assertThat(audit.search(new AuditQuery(null, null, "PREGNANCY_AMENDED", null, null, 1000)))
                .anySatisfy(event -> assertThat(event.toString()).contains(exam.accessionNumber())
                        .contains("NOT_PREGNANT -> PREGNANT"));

        List<String> notified = notifications.about(exam.accessionNumber()).stream().map(Notification::role).toList();
        assertThat(notified).containsExactlyInAnyOrder("LEAD", "RADIOLOGIST", "PHYSICIST");
        String message = notifications.about(exam.accessionNumber()).get(0).message();
        assertThat(message).contains("Late finding on CT abdomen and pelvis with contrast (" + exam.accessionNumber()
                + "), after the exam started: the pregnancy screen changed from “Not pregnant” to “Pregnant”")
                .contains(REASON);

        String leadPage = mvc.perform(get("/notifications").with(user("lead").roles("LEAD")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(leadPage).contains(exam.accessionNumber()).contains("/exams/" + exam.id());
        mvc.perform(get("/notifications").with(user("radiologist").roles("RADIOLOGIST")))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result
                        .MockMvcResultMatchers.content().string(Matchers.containsString(exam.accessionNumber())));
        mvc.perform(get("/notifications").with(user("tech").roles("TECHNOLOGIST"))).andExpect(status().isForbidden());

        // The radiologist decides on the late finding from the cockpit.
        mvc.perform(post("/exams/" + exam.id() + "/decision").with(user("radiologist").roles("RADIOLOGIST")).with(csrf())
                        .param("screen", "PREGNANCY").param("decision", "Physicist to estimate conceptus dose"))
                .andExpect(flash().attribute("message", "Decision recorded."));
    }

    @Test
    void theLeadAcknowledgesANotification() throws Exception {
        Exam exam = completedCtAbdomenForAYoungWoman();
        mvc.perform(tech(post("/exams/" + exam.id() + "/late-finding")).param("screen", "CONTRAST")
                        .param("answer", "HIGH_RISK").param("reason", "eGFR result came back at 24"))
                .andExpect(flash().attribute("message", Matchers.startsWith("Late finding recorded")));
        Notification forLead = notifications.about(exam.accessionNumber()).stream()
                .filter(notification -> notification.role().equals("LEAD")).findFirst().orElseThrow();
        assertThat(notifications.about(exam.accessionNumber()).stream().map(Notification::role))
                .containsExactlyInAnyOrder("LEAD", "RADIOLOGIST");

        mvc.perform(post("/notifications/" + forLead.id() + "/acknowledge").with(user("radiologist").roles("RADIOLOGIST"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "This notification is for another role."));
        mvc.perform(post("/notifications/" + forLead.id() + "/acknowledge").with(user("lead").roles("LEAD")).with(csrf()))
                .andExpect(flash().attribute("message", "Marked as seen."));
        assertThat(notifications.open(List.of("LEAD"), LEAD)).extracting(Notification::id).doesNotContain(forLead.id());
    }

    @Test
    void beforeTheStartAScreenIsAnsweredAgainNotAmended() throws Exception {
        Exam exam = verifiedCtAbdomenForAYoungWoman();
        mvc.perform(tech(post("/exams/" + exam.id() + "/late-finding")).param("screen", "PREGNANCY")
                        .param("answer", "PREGNANT").param("reason", REASON))
                .andExpect(flash().attribute("error", "The exam has not started: record the pregnancy screen again instead."));
        assertThat(notifications.about(exam.accessionNumber())).isEmpty();
    }

    private Exam completedCtAbdomenForAYoungWoman() throws Exception {
        Exam exam = verifiedCtAbdomenForAYoungWoman();
        mvc.perform(tech(post("/exams/" + exam.id() + "/pregnancy")).param("answer", "NOT_PREGNANT")
                        .param("method", "PATIENT_ATTESTATION"))
                .andExpect(flash().attribute("message", "Pregnancy screen recorded."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/contrast")).param("aki", "false").param("dialysis", "false").param("egfr", "85").param("priorReaction", "NONE")
                        .param("metformin", "false").param("kidneyRisk", "false"))
                .andExpect(flash().attribute("message", "Contrast screen recorded."));
        mvc.perform(tech(post("/exams/" + exam.id() + "/start"))).andExpect(flash().attribute("message", "Exam started."));
        return exams.transition(exam.id(), ExamState.ACQUIRED, LEAD, null);
    }

    private Exam verifiedCtAbdomenForAYoungWoman() {
        var woman = Demographics.named("LATE", "Finding", java.time.LocalDate.now(clock).minusYears(29), Sex.F);
        long patient = patients.register(new PatientIdentifier("HOSP", "LF-" + System.nanoTime() % 1_000_000_000L),
                woman, LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, "CTABDPELC", null, Priority.ROUTINE, "CT1",
                clock.instant(), null, null), LEAD);
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
        return exams.transition(exam.id(), ExamState.VERIFIED, LEAD, null);
    }

    private String page(Exam exam) throws Exception {
        return mvc.perform(tech(get("/exams/" + exam.id()))).andReturn().getResponse().getContentAsString();
    }
}
