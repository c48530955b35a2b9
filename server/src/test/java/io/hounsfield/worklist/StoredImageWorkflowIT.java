package io.hounsfield.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.archive.events.DeliveredEvents;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.ExamTransition;
import io.hounsfield.exam.HistoryEvent;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.scp.DicomListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 12 point 5 (IHE SWF RAD-8): dcmtk's storescu as the modality; the first image moves the exam. */
@HounsfieldIntegrationTest
class StoredImageWorkflowIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    DicomListener listener;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    ArchiveService archive;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @TempDir
    Path work;

    @Test
    void theFirstImageStartsACheckedInExamAndSaysItWasNotVerified() throws Exception {
        Exam exam = exam();
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, "trauma registration");

        Dcmtk.Run store = storescu(exam, 2);

        assertThat(store.exitCode()).as(store.output()).isZero();
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.IN_PROGRESS);
        List<ExamTransition> history = exams.history(exam.id());
        assertThat(history).filteredOn(step -> step.to() == ExamState.IN_PROGRESS).singleElement()
                .satisfies(step -> {
                    assertThat(step.actor()).isEqualTo("CT1");
                    assertThat(step.reason()).contains("first image received from CT1")
                            .contains("not verified in the exam cockpit");
                });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXAM_STARTED_UNVERIFIED' AND object_id = ?")
                .param(exam.accessionNumber()).query(Long.class).single()).isEqualTo(1);

        mvc.perform(post("/exams/" + exam.id() + "/complete").with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(flash().attribute("message", "Exam completed."));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ACQUIRED);
    }

    @Test
    void anImageForAnExamNobodyCheckedInStartsItToo() throws Exception {
        Exam exam = exam();

        assertThat(storescu(exam, 1).exitCode()).isZero();

        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.IN_PROGRESS);
        assertThat(exams.history(exam.id()).get(exams.history(exam.id()).size() - 1).reason())
                .contains("not checked in or verified");
    }

    @Test
    void imagesForAHeldExamAreKeptButDoNotStartIt() throws Exception {
        Exam exam = exam();
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
        exams.placeHold(exam.id(), "Wrong patient on the request form", null, LEAD);

        assertThat(storescu(exam, 1).exitCode()).isZero();

        assertThat(archive.instanceCount(exam.studyInstanceUid())).isEqualTo(1);
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ARRIVED);
        assertThat(exams.history(exam.id())).extracting(ExamTransition::event).endsWith(HistoryEvent.HOLD_NOTE);
    }

    private Exam exam() {
        String mrn = "IMG-" + System.nanoTime() % 1_000_000_000L + NUMBERS.incrementAndGet();
        long patient = patients.register(new PatientIdentifier("HOSP", mrn),
                Demographics.named("Haddad", "Samir", LocalDate.of(1975, 4, 2), Sex.M), LEAD).id();
        return exams.schedule(new NewExam(null, patient, "CTHEAD", null, Priority.STAT, "CT1", clock.instant(), null,
                null), LEAD);
    }

    private Dcmtk.Run storescu(Exam exam, int images) throws Exception {
        String mrn = patients.get(exam.patientId()).identifier().value();
        TestStudies.Study study = new TestStudies.Study(exam.studyInstanceUid(), mrn, "HADDAD^SAMIR",
                exam.accessionNumber(), "20261201", "CT");
        Path folder = work.resolve(exam.accessionNumber());
        TestStudies.write(folder, study, 1, images, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd",
                "127.0.0.1", String.valueOf(listener.port()), folder.toString()));
        Dcmtk.Run run = Dcmtk.run(work, command.toArray(String[]::new));
        DeliveredEvents.awaitExamWorkflow(jdbc);
        return run;
    }
}
