package io.hounsfield.workstation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 12 point 2 in Chromium at 1366 px: the technologist records a mismatch, the lead overrides the hold. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class HoldBrowserIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static final String MISMATCH = "Patient and request say RIGHT knee, LEFT ordered";
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    Clock clock;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMismatchHoldsTheExamOnItsPageAndOnTheBoardUntilTheLeadOverridesIt() {
        long patient = patients.registerTemporary(Sex.F, LEAD).id();
        Exam knee = exams.schedule(new NewExam(null, patient, "XRKNEE", Laterality.L, Priority.ROUTINE, "DX1",
                clock.instant(), null, null), LEAD);
        exams.transition(knee.id(), ExamState.ARRIVED, LEAD, "checked in");

        Page tech = page("tech");
        tech.navigate(browser.url("/exams/" + knee.id()));
        tech.fill("#mismatch-reason", MISMATCH);
        tech.selectOption("#mismatch-side", "R");
        tech.click("#mismatch");
        assertThat(tech.locator("#hold")).containsText(MISMATCH);
        assertThat(tech.locator("#hold")).containsText("the side should be RIGHT");
        assertThat(tech.locator("#verify")).hasCount(0);
        assertThat(tech.locator("#start")).hasCount(0);
        assertThat(tech.locator("#override")).hasCount(0);
        assertThat(tech.locator(".history")).containsText("Put on hold");
        assertThat(tech.locator("#verification")).containsText("Mismatch recorded");
        Browser.screenshot(tech, "hold-cockpit");

        tech.navigate(browser.url("/board"));
        tech.fill("#search", knee.accessionNumber());
        assertThat(tech.locator("#board-rows tr[data-accession]")).hasCount(1);
        assertThat(tech.locator("tr[data-accession='" + knee.accessionNumber() + "'] .on-hold")).isVisible();
        assertThat(tech.locator("tr[data-accession='" + knee.accessionNumber() + "'] .hold-reason")).hasText(MISMATCH);
        Browser.screenshot(tech, "hold-board");

        Page lead = page("lead");
        lead.navigate(browser.url("/exams/" + knee.id()));
        lead.fill("#override-reason", "Dr Osei confirms the LEFT knee; the right was imaged last week");
        lead.check("#override-confirmed");
        lead.click("#override");
        assertThat(lead.locator("[role=status]")).containsText("Hold lifted");
        assertThat(lead.locator("#hold")).hasCount(0);
        assertThat(lead.locator(".history")).containsText("Put on hold");
        assertThat(lead.locator(".history")).containsText("Hold lifted");
        assertThat(lead.locator("#verify")).isVisible();
        Browser.screenshot(lead, "hold-overridden");
        assertThat(exams.activeHold(knee.id())).isEmpty();
    }

    private Page page(String user) {
        if (browser == null) {
            browser = new Browser("http://127.0.0.1:" + port);
        }
        Page page = browser.loggedIn(user, "demo");
        page.setViewportSize(1366, 900);
        return page;
    }
}
