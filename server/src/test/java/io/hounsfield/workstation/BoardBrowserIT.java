package io.hounsfield.workstation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The board in a real browser: a technologist sees today, checks a patient in, and the board says so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class BoardBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    ExamService exams;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** One browser for the class, started once the server's port is known. */
    private Browser browser() {
        if (browser == null) {
            browser = new Browser("http://127.0.0.1:" + port);
        }
        return browser;
    }

    @Test
    void aTechnologistChecksAPatientInFromTheBoard() {
        Page page = browser().loggedIn("tech", "demo");
        page.navigate(browser.url("/board"));
        assertThat(page.locator("h1")).hasText("Today");
        Browser.screenshot(page, "board");

        Locator waiting = page.locator("#board-rows tr:has(button.check-in)").first();
        String accession = waiting.getAttribute("data-accession");
        waiting.locator("button.check-in").click();

        Locator row = page.locator("#board-rows tr[data-accession='" + accession + "']");
        assertThat(row.locator(".badge.state-ARRIVED")).isVisible();
        assertThat(row.locator("button.check-in")).hasCount(0);
        assertThat(exams.findByAccession(accession).orElseThrow().state()).isEqualTo(ExamState.ARRIVED);
        Browser.screenshot(page, "board-after-check-in");
    }

    @Test
    void searchNarrowsTheBoardWithoutReloading() {
        Page page = browser().loggedIn("student", "demo");
        page.navigate(browser.url("/board"));
        page.fill("#search", "trauma");

        // Other browser tests in the same context may have admitted trauma patients too.
        assertThat(page.locator("#board-rows tr[data-accession]:not(:has-text('identity pending'))")).hasCount(0);
        assertThat(page.locator("#board-rows tr[data-accession]").first()).containsText("identity pending");
        assertThat(page.locator("button.check-in")).hasCount(0);
    }
}
