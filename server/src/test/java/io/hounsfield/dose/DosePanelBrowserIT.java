package io.hounsfield.dose;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import io.hounsfield.Dcmtk;
import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.StoreBatch;
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

    @Autowired
    ArchiveService archive;

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

    /** The physicist's review with its charts, the follow-up list and a patient's history, at 1366 px. */
    @Test
    void aPhysicistReviewsDistributionsFollowUpsAndAPatientsHistory() throws Exception {
        Exam last = null;
        for (String ctdiVol : List.of("38.5", "44.0", "47.2", "51.9", "55.0", "58.3", "96.0")) {
            last = exam("CTREVIEW");
            TestStudies.Study study = new TestStudies.Study(last.studyInstanceUid(),
                    patients.get(last.patientId()).identifier().value(), "NAKAMURA^KEN", last.accessionNumber(),
                    "20261201", "CT");
            StoreBatch batch = StoreBatch.of("CT1", "tech", null);
            try {
                archive.store(DoseReports.ct(study, DoseReports.acquisitions("Head", ctdiVol, "900", "mGy.cm"),
                        new DoseReports.Num("900", "mGy.cm")), batch);
            } finally {
                archive.finished(batch);
            }
        }
        DeliveredEvents.await(jdbc, "dose");
        if (browser == null) {
            browser = new Browser("http://127.0.0.1:" + port);
        }
        Page page = browser.loggedIn("physicist", "demo", 1366, 768);
        page.navigate(browser.url("/dose/review"));
        assertThat(page.locator("#dose-distributions svg.dose-chart").first()).isVisible();
        assertThat(page.locator("#review-groups")).containsText("CT head without contrast");
        assertThat(page.locator("#review-groups")).containsText("more exams needed");
        assertThat(page.locator("#review-outliers")).containsText(last.accessionNumber());
        assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        Browser.screenshot(page, "dose-review-1366");

        page.navigate(browser.url("/dose/follow-up"));
        assertThat(page.locator("#follow-up-open")).containsText(last.accessionNumber());
        assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        Browser.screenshot(page, "dose-follow-up-1366");

        page.navigate(browser.url("/exams/" + last.id()));
        page.click("#dose-history-link");
        assertThat(page.locator("#dose-windows")).containsText("900.00");
        assertThat(page.locator("#dose-studies")).containsText("96.00");
        assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        Browser.screenshot(page, "patient-dose-1366");
    }

    private Exam exam() {
        return exam("CT1");
    }

    private Exam exam(String room) {
        long patient = patients.register(new PatientIdentifier("HOSP", "DP-" + System.nanoTime() % 1_000_000_000L),
                Demographics.named("Nakamura", "Ken", LocalDate.of(1959, 8, 1), Sex.M), LEAD).id();
        return exams.schedule(new NewExam(null, patient, "CTHEAD", null, Priority.ROUTINE, room, clock.instant(),
                null, null), LEAD);
    }
}
