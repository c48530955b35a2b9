package io.hounsfield.dose;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import io.hounsfield.Dcmtk;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.archive.events.DeliveredEvents;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 18: the exam cockpit's dose panel in Chromium at 1366 px, after the modality sent its dose reports. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class DosePanelBrowserIT {
    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    DicomListener listener;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @TempDir
    Path work;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCockpitShowsDosePerAcquisitionAndEventWithTotalsAndWhatCouldNotBeRead() throws Exception {
        Exam exam = exam();
        String mrn = patients.get(exam.patientId()).identifier().value();
        TestStudies.Study study = new TestStudies.Study(exam.studyInstanceUid(), mrn, "NAKAMURA^KEN",
                exam.accessionNumber(), "20261201", "CT");
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port())));
        for (Attributes report : DoseIT.reports(study)) {
            command.add(DoseReports.write(work, report).toString());
        }
        Dcmtk.Run store = Dcmtk.run(work, command.toArray(String[]::new));
        assertThat(store.exitCode()).as(store.output()).isZero();
        DeliveredEvents.await(jdbc, "dose");

        if (browser == null) {
            browser = new Browser("http://127.0.0.1:" + port);
        }
        Page page = browser.loggedIn("tech", "demo", 1366, 768);
        page.navigate(browser.url("/exams/" + exam.id()));

        assertThat(page.locator("#dose-ct tbody tr")).hasCount(4);
        assertThat(page.locator("#dose-ct tbody tr").first()).containsText("Chest");
        assertThat(page.locator("#dose-ct tbody tr").first()).containsText("8.40");
        assertThat(page.locator("#dose-ct thead")).containsText("CTDIvol (mGy)");
        assertThat(page.locator("#dose-dlp-total")).hasText("1118.05");
        assertThat(page.locator("#dose-events tbody tr")).hasCount(2);
        assertThat(page.locator("#dose-dap-total")).hasText("16.860");
        assertThat(page.locator("#dose-rp-total")).hasText("21.60");
        assertThat(page.locator("#dose-fluoro-time")).containsText("2 min 30 s");
        assertThat(page.locator("#dose-problems")).containsText("is not a number");
        assertThat(page.locator("#dose-source")).containsText("dose reports");
        Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).as("the page fits 1366 px").isEqualTo(false);
        page.locator("#dose").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "dose-panel-1366");
    }

    @Test
    void aTechnologistRecordsWhyAnExamAboveItsNotificationValueWentOnAndThenCompletesIt() throws Exception {
        Exam exam = exam();
        String mrn = patients.get(exam.patientId()).identifier().value();
        TestStudies.Study study = new TestStudies.Study(exam.studyInstanceUid(), mrn, "NAKAMURA^KEN",
                exam.accessionNumber(), "20261201", "CT");
        Attributes report = DoseReports.ct(study, DoseReports.acquisitions("Head repeat", "92.5", "1610.4", "mGy.cm"),
                new DoseReports.Num("1610.4", "mGy.cm"));
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port()), DoseReports.write(work.resolve("exceeded"), report).toString());
        assertThat(store.exitCode()).as(store.output()).isZero();
        DeliveredEvents.await(jdbc, "dose");
        DeliveredEvents.awaitExamWorkflow(jdbc);
        if (browser == null) {
            browser = new Browser("http://127.0.0.1:" + port);
        }
        Page page = browser.loggedIn("tech", "demo", 1366, 768);
        page.navigate(browser.url("/exams/" + exam.id()));

        assertThat(page.locator("#dose-checks li.exceeded")).containsText("above the notification value of 80 mGy");
        page.click("#complete");
        assertThat(page.locator("[role=alert]")).containsText("Record why the exam went on before completing it");
        page.locator("#dose").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "dose-panel-exceeded-1366");
        page.fill("#dose-reason", "Patient moved; repeat agreed with Dr Osei");
        page.click("#dose-reason-submit");
        assertThat(page.locator("#dose-reason-recorded")).containsText("Patient moved; repeat agreed with Dr Osei");
        page.click("#complete");
        assertThat(page.locator("#exam-state")).hasText("Images acquired");
    }

    private Exam exam() {
        long patient = patients.register(new PatientIdentifier("HOSP", "DP-" + System.nanoTime() % 1_000_000_000L),
                Demographics.named("Nakamura", "Ken", LocalDate.of(1959, 8, 1), Sex.M), LEAD).id();
        return exams.schedule(new NewExam(null, patient, "CTHEAD", null, Priority.ROUTINE, "CT1", clock.instant(),
                null, null), LEAD);
    }
}
