package io.hounsfield.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.archive.events.DeliveredEvents;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dose.DoseReports.Num;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.notification.NotificationService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.scp.DicomListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18 acceptance: a CT exam whose CTDIvol exceeds the notification value for its exam type cannot be completed
 * without a reason; the patient's history sums it; a physicist changes a level and the old version is kept.
 */
@HounsfieldIntegrationTest
class DoseCheckIT {
    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");

    @Autowired
    DicomListener listener;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    DoseService dose;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Autowired
    NotificationService notifications;

    @TempDir
    Path work;

    @Test
    void anExamAboveItsNotificationValueNeedsAReasonBeforeItCompletesAndTheHistorySumsIt() throws Exception {
        long patient = patient();
        Exam earlier = exam(patient);
        store(earlier, "Head routine", "48.5", "812.25");
        Exam exam = exam(patient);
        store(exam, "Head repeat", "92.5", "1610.4");

        mvc.perform(post("/exams/" + exam.id() + "/complete").with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(flash().attribute("error", "Head repeat: CTDIvol 92.50 mGy is above the notification value"
                        + " of 80 mGy (Adult head, from 6 years). Record why the exam went on before completing"
                        + " it."));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.IN_PROGRESS);
        String page = page(exam);
        assertThat(page).contains("dose-reason-needed", "This patient&#39;s dose over the last 12 months", "2422.65");

        mvc.perform(post("/exams/" + exam.id() + "/dose/reason").param("reason", " ")
                .with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(flash().attribute("error", "Say why the exam went on above the dose level."));
        mvc.perform(post("/exams/" + exam.id() + "/dose/reason").param("reason", "Motion, repeat ordered by Dr Osei")
                .with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(flash().attribute("message", "Reason recorded. The exam can be completed."));
        mvc.perform(post("/exams/" + exam.id() + "/complete").with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(flash().attribute("message", "Exam completed."));

        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ACQUIRED);
        assertThat(page(exam)).contains("Motion, repeat ordered by Dr Osei").doesNotContain("dose-reason-needed");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'DOSE_REASON_RECORDED' AND object_id = ?")
                .param(exam.accessionNumber()).query(Long.class).single()).isEqualTo(1);
        DoseHistory history = dose.panel(exam).history();
        assertThat(history.exams()).hasSize(2);
        assertThat(history.dlpTotalMGyCm()).isEqualTo(2422.65);
        assertThat(mvc.perform(get("/patients/" + patient + "/dose").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("2422.65", "812.25", "1610.40");
    }

    /** Issue 18: an exceeded level reaches the leads' and physicists' notifications once, and the follow-up list. */
    @Test
    void anExceededLevelIsSentOnceAndStaysOnTheFollowUpListUntilFollowedUp() throws Exception {
        Exam exam = exam(patient());
        store(exam, "Head repeat", "92.5", "1610.4");
        store(exam, "Head repeat", "92.5", "1610.4");

        for (String role : List.of("LEAD", "PHYSICIST")) {
            assertThat(notifications.about(exam.accessionNumber())).filteredOn(found -> found.role().equals(role))
                    .singleElement().satisfies(found -> assertThat(found.message())
                            .contains("Head repeat: CTDIvol 92.50 mGy is above the notification value of 80 mGy")
                            .doesNotContain("NOTIFICATION"));
        }
        mvc.perform(get("/dose/follow-up").with(user("tech").roles("TECHNOLOGIST"))).andExpect(status().isForbidden());
        String list = mvc.perform(get("/dose/follow-up").with(user("physicist").roles("PHYSICIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(exam.accessionNumber(), "Head repeat: CTDIvol 92.50 mGy is above");
        long alert = jdbc.sql("SELECT id FROM dose_alert WHERE exam_id = ?").param(exam.id()).query(Long.class)
                .single();

        mvc.perform(post("/dose/follow-up/" + alert).param("done", "").with(user("physicist").roles("PHYSICIST"))
                .with(csrf())).andExpect(flash().attribute("error", "Say what was done, for example who was told."));
        mvc.perform(post("/dose/follow-up/" + alert).param("done", "Protocol reviewed with Dr Osei")
                .with(user("physicist").roles("PHYSICIST")).with(csrf()))
                .andExpect(flash().attribute("message", "Follow-up recorded."));
        assertThat(dose.followUpList(LEAD).open()).noneMatch(open -> open.examId() == exam.id());
        assertThat(dose.followUpList(LEAD).done()).filteredOn(done -> done.examId() == exam.id()).singleElement()
                .satisfies(done -> {
                    assertThat(done.followedUpBy()).isEqualTo("physicist");
                    assertThat(done.followUp()).isEqualTo("Protocol reviewed with Dr Osei");
                });
        assertThat(page(exam)).contains("followed up by physicist: Protocol reviewed with Dr Osei");
    }

    @Test
    void aPhysicistChangesALevelAndItsFormerVersionIsKept() throws Exception {
        mvc.perform(get("/dose/levels").with(user("tech").roles("TECHNOLOGIST"))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/dose/levels").with(user("lead").roles("LEAD"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Paediatric torso, under 10 years, 32 cm phantom", "to confirm");
        mvc.perform(post("/dose/levels/CT-TORSO-ADULT").param("value", "40").param("source", "Local review")
                .with(user("lead").roles("LEAD")).with(csrf())).andExpect(status().isForbidden());

        mvc.perform(post("/dose/levels/CT-TORSO-ADULT").param("value", "45").param("source", "Local protocol review")
                .param("note", "bariatric protocol").with(user("physicist").roles("PHYSICIST")).with(csrf()))
                .andExpect(flash().attribute("message", "Level changed; the version before is kept below."));

        assertThat(dose.levels()).filteredOn(level -> level.key().equals("CT-TORSO-ADULT")).singleElement()
                .satisfies(level -> {
                    assertThat(level.value()).isEqualTo(45);
                    assertThat(level.version()).isEqualTo(2);
                    assertThat(level.changedBy()).isEqualTo("physicist");
                    assertThat(level.source()).isEqualTo("Local protocol review");
                });
        assertThat(dose.levelVersions()).filteredOn(level -> level.key().equals("CT-TORSO-ADULT"))
                .extracting(DoseLevel::value).containsExactly(45.0, 50.0);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'DOSE_LEVEL_CHANGED'")
                .query(Long.class).single()).isEqualTo(1);
        dose.changeLevel("CT-TORSO-ADULT", 50, "AAPM, restored after the test", null, null, LEAD);
    }

    private String page(Exam exam) throws Exception {
        return mvc.perform(get("/exams/" + exam.id()).with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void store(Exam exam, String protocol, String ctdiVol, String dlp) throws Exception {
        String mrn = patients.get(exam.patientId()).identifier().value();
        TestStudies.Study study = new TestStudies.Study(exam.studyInstanceUid(), mrn, "BRANDT^OLE",
                exam.accessionNumber(), "20261201", "CT");
        Attributes report = DoseReports.ct(study, DoseReports.acquisitions(protocol, ctdiVol, dlp, "mGy.cm"),
                new Num(dlp, "mGy.cm"));
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port()), DoseReports.write(work, report).toString()));
        Dcmtk.Run run = Dcmtk.run(work, command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        DeliveredEvents.await(jdbc, "dose");
        DeliveredEvents.awaitExamWorkflow(jdbc);
    }

    private long patient() {
        return patients.register(new PatientIdentifier("HOSP", "DC-" + System.nanoTime() % 1_000_000_000L),
                Demographics.named("Brandt", "Ole", LocalDate.of(1972, 5, 9), Sex.M), LEAD).id();
    }

    private Exam exam(long patient) {
        return exams.schedule(new NewExam(null, patient, "CTHEAD", null, Priority.ROUTINE, "CT1", clock.instant(),
                null, null), LEAD);
    }
}
