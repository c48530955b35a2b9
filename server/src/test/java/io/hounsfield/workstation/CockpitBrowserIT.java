package io.hounsfield.workstation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 7's walk through the exam cockpit in Chromium: the safe order of work is the only one that works. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class CockpitBrowserIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    ExamService exams;

    @Autowired
    Clock clock;

    @Autowired
    PatientService patients;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aTechnologistVerifiesScreensStartsAndCompletes() {
        Exam exam = pelvisExamForAYoungWoman();
        Page page = browser().loggedIn("tech", "demo");
        AtomicBoolean scriptRan = new AtomicBoolean();
        page.onDialog(dialog -> {
            scriptRan.set(true);
            dialog.dismiss();
        });

        page.navigate(browser.url("/board"));
        page.fill("#search", exam.accessionNumber());
        assertThat(page.locator("#board-rows tr[data-accession]")).hasCount(1);
        page.locator("tr[data-accession='" + exam.accessionNumber() + "'] button.check-in").click();
        assertThat(page.locator("tr[data-accession='" + exam.accessionNumber() + "'] .badge.state-ARRIVED")).isVisible();

        page.navigate(browser.url("/exams/" + exam.id()));
        page.click("#start");
        assertThat(page.locator("[role=alert]")).containsText("Verify the patient's identity");

        page.check("#procedure-confirmed");
        page.click("#verify");
        assertThat(page.locator("#exam-state")).hasText("Verified");

        page.click("#start");
        assertThat(page.locator("[role=alert]")).containsText("Answer the pregnancy screen");
        page.selectOption("#pregnancy-answer", "NOT_PREGNANT");
        page.selectOption("#pregnancy-method", "PATIENT_ATTESTATION");
        page.click("#pregnancy-save");
        page.click("#start");
        assertThat(page.locator("#exam-state")).hasText("In progress");

        page.fill("#notes", "<script>alert('x')</script> patient could not stand");
        page.fill("#no-image-reason", "Images sent from the room after the shift");
        Browser.screenshot(page, "cockpit");
        page.click("#complete");
        assertThat(page.locator("#exam-state")).hasText("Images acquired");
        assertThat(page.locator(".notes")).hasText("<script>alert('x')</script> patient could not stand");
        assertThat(scriptRan).isFalse();

        page.navigate(browser.url("/board"));
        page.fill("#search", exam.accessionNumber());
        assertThat(page.locator("tr[data-accession='" + exam.accessionNumber() + "'] .badge.state-ACQUIRED")).isVisible();
        Browser.screenshot(page, "board-acquired");
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ACQUIRED);
    }

    @Test
    void aStudentMustNameTheSupervisingTechnologist() {
        Exam exam = pelvisExamForAYoungWoman();
        for (ExamState state : new ExamState[] {ExamState.ARRIVED, ExamState.VERIFIED, ExamState.IN_PROGRESS}) {
            exams.transition(exam.id(), state, LEAD, null);
        }
        Page page = browser().loggedIn("student", "demo");
        page.navigate(browser.url("/exams/" + exam.id()));

        page.click("#complete");
        assertThat(page.locator("[role=alert]")).containsText("A student must name the supervising technologist");
        assertThat(page.locator("#exam-state")).hasText("In progress");

        page.fill("#supervisor", "tech");
        page.fill("#no-image-reason", "Images sent from the room after the shift");
        page.click("#complete");
        assertThat(page.locator("#exam-state")).hasText("Images acquired");
        assertThat(page.locator(".history")).containsText("supervised by tech");
    }

    private Exam pelvisExamForAYoungWoman() {
        long patient = patients.register(new PatientIdentifier("HOSP", "CK-" + System.nanoTime() % 1_000_000_000L),
                Demographics.named("Lindgren", "Maja", LocalDate.now(clock).minusYears(29), Sex.F), LEAD).id();
        return exams.schedule(new NewExam(null, patient, "XRPELVIS", null, Priority.ROUTINE, "DX1", clock.instant(),
                null, null), LEAD);
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser("http://127.0.0.1:" + port);
        }
        return browser;
    }
}
