package io.hounsfield.workstation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12 point 4 in a real browser: reconciling a female trauma patient to a male patient opens a review of both,
 * with the sex warning; the merge cannot be sent until the technologist ticks the acknowledgement.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class TraumaReconcileBrowserIT {

    private static final Actor TECH = new Actor("tech", "TECHNOLOGIST", null);

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    PatientService patients;

    @Autowired
    ExamService exams;

    @Autowired
    Clock clock;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMergeOfAWomanIntoAManIsReviewedAndNeedsTheAcknowledgement() {
        Patient temporary = patients.registerTemporary(Sex.F, TECH);
        Exam exam = exams.schedule(new NewExam(null, temporary.id(), "CTTRAUMA", null, Priority.STAT, "CT1",
                clock.instant(), null, null), TECH);
        PatientIdentifier real = new PatientIdentifier("HOSP", "BR-" + temporary.id());
        patients.register(real, Demographics.named("Brennan", "Liam", LocalDate.of(1988, 1, 9), Sex.M),
                new Actor("ADT", "HL7", null));
        browser = new Browser("http://127.0.0.1:" + port);
        Page page = browser.loggedIn("tech", "demo", 1366, 768);
        page.navigate(browser.url("/trauma"));

        var row = page.locator("tr:has-text('" + temporary.identifier().value() + "')");
        row.locator("input[name=realPatientId]").fill(real.value());
        row.locator("button:has-text('Review and reconcile')").click();

        assertThat(page.locator("h1")).hasText("Merge the temporary patient into the real patient?");
        assertThat(page.locator(".mismatch-warning")).containsText(
                "The sex does not match: female (temporary patient) and male (real patient).");
        assertThat(page.locator(".identity-side").nth(1)).containsText("Brennan, Liam");
        assertThat(page.locator(".identity-side").first()).containsText(exam.accessionNumber());
        Browser.screenshot(page, "trauma-reconcile-review");

        page.locator("#confirm-merge").click();
        assertThat(page.locator("h1")).hasText("Merge the temporary patient into the real patient?");
        assertThat(exams.get(exam.id()).patientId()).as("not merged without the tick").isEqualTo(temporary.id());

        page.locator("input[name=acknowledged]").check();
        page.locator("#confirm-merge").click();
        assertThat(page.locator(".alert.info")).containsText("is now " + real.value());
        assertThat(exams.get(exam.id()).patientId()).isEqualTo(patients.find(real).orElseThrow().id());
        Browser.screenshot(page, "trauma-reconciled");
        page.context().close();
    }
}
