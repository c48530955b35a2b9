package io.hounsfield.quality;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.events.DeliveredEvents;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.patient.PatientService;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 17 in Chromium: review, acknowledge, reject one image, approve and release; the analysis' chart. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class QualityBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    ArchiveService archive;

    @Autowired
    QualityService quality;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aTechnologistReviewsAcknowledgesRejectsApprovesAndReleases() throws Exception {
        QualityImages images = new QualityImages(exams, patients, archive, clock);
        Exam exam = images.acquiredExam();
        Attributes overexposed = images.radiograph(exam, 1);
        overexposed.setDoubles(Tags.DeviationIndex, VR.DS, 4.0);
        Attributes second = images.radiograph(exam, 2);
        second.setDoubles(Tags.DeviationIndex, VR.DS, 0.1);
        images.store(overexposed);
        images.store(second);
        awaitChecks(exam, 2);

        if (browser == null) {
            browser = new Browser("http://127.0.0.1:" + port);
        }
        Page page = browser.loggedIn("tech", "demo", 1366, 900);
        page.navigate(browser.url("/exams/" + exam.id()));
        String failed = "[data-sop='" + overexposed.getString(Tags.SOPInstanceUID) + "']";
        assertThat(page.locator(failed + " li[data-code=EXPOSURE_INDEX]")).containsText("Exposure: Failure");
        assertThat(page.locator(failed + " img")).isVisible();
        Browser.screenshot(page, "quality-review");

        page.click("#approve");
        assertThat(page.locator("[role=alert]")).containsText("need your acknowledgement");
        page.fill("#acknowledge-reason", "Anatomy not burned out, no repeat needed");
        page.click("#acknowledge");
        assertThat(page.locator("[role=status]")).containsText("acknowledged");
        assertThat(page.locator(failed + " .acknowledged").first()).containsText("Anatomy not burned out");

        String rejected = "[data-sop='" + second.getString(Tags.SOPInstanceUID) + "']";
        page.click(rejected + " details.reject summary");
        page.selectOption(rejected + " select[name=reason]", "111210");
        page.fill(rejected + " input[name=comment]", "Patient moved");
        page.check(rejected + " input[name=confirmed]");
        page.click(rejected + " button.reject-image");
        assertThat(page.locator("[role=status]")).containsText("Image rejected");
        assertThat(page.locator(rejected + " .rejected")).containsText("Motion blur: Patient moved");
        Browser.screenshot(page, "quality-rejected");

        page.click("#approve");
        assertThat(page.locator("#approved-status")).isVisible();
        page.click("#release");
        assertThat(page.locator("#released-status")).isVisible();
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.RELEASED);
        Browser.screenshot(page, "quality-released");

        Page lead = browser.loggedIn("lead", "demo", 1366, 900);
        lead.navigate(browser.url("/quality/rejects"));
        assertThat(lead.locator(".reject-chart .bar-chart").first()).isVisible();
        assertThat(lead.locator(".reject-chart").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("By reason"))).containsText("Motion blur");
        Browser.screenshot(lead, "reject-analysis");
    }

    private void awaitChecks(Exam exam, int instances) throws InterruptedException {
        DeliveredEvents.await(jdbc, "quality-checks");
        assertThat(quality.checks(exam.studyInstanceUid())).hasSize(instances);
    }
}
