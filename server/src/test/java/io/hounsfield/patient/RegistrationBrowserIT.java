package io.hounsfield.patient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12 points 6 and 8 in Chromium at 1366 px: the technologist lands on the board, registers a walk-in
 * patient, orders for them, meets the duplicate check on a second registration; the radiologist lands on
 * the decisions waiting for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class RegistrationBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

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
    void aTechnologistRegistersAWalkInPatientOrdersAndMeetsTheDuplicateCheck() {
        String family = "Ñúñez" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        Page tech = page("tech");
        assertThat(tech).hasURL(browser.url("/board"));
        tech.click("nav >> text=Register patient");
        tech.check("#downtimeMrn1");
        fillPatient(tech, family, "María");
        tech.click("#register");
        assertThat(tech.locator("#order-patient")).containsText(family.toUpperCase() + ", María");
        assertThat(tech.locator("[role=status]")).containsText("registered with MRN D");
        Browser.screenshot(tech, "registration-order");

        tech.selectOption("#procedureCode", "XRANKLE");
        tech.selectOption("#laterality", "L");
        tech.fill("#room", "DX1");
        tech.fill("#day", LocalDate.now(clock).plusDays(1).toString());
        tech.fill("#time", "09:40");
        tech.click("button:has-text('Place order')");
        assertThat(tech.locator("[role=status]")).containsText("on the schedule");

        tech.navigate(browser.url("/patients/new"));
        tech.check("#downtimeMrn1");
        fillPatient(tech, family.toLowerCase().replace("ñ", "n").replace("ú", "u"), "MARIA");
        tech.click("#register");
        assertThat(tech.locator("#duplicates")).containsText("This patient may be registered already");
        assertThat(tech.locator("#duplicates")).containsText(family.toUpperCase() + ", María");
        assertThat(noSidewaysScroll(tech)).isTrue();
        Browser.screenshot(tech, "registration-duplicate");
        tech.click("#confirm-different");
        assertThat(tech.locator("#order-patient")).containsText(family.toLowerCase().replace("ñ", "n").replace("ú", "u")
                .toUpperCase());
    }

    @Test
    void aRadiologistLandsOnTheDecisionsWaitingForThem() {
        Page radiologist = page("radiologist");
        assertThat(radiologist).hasURL(browser.url("/decisions"));
        assertThat(radiologist.locator("h1")).hasText("Waiting for you");
        assertThat(radiologist.locator("nav")).not().containsText("Register patient");
        assertThat(noSidewaysScroll(radiologist)).isTrue();
        Browser.screenshot(radiologist, "radiologist-decisions");
    }

    private static void fillPatient(Page page, String family, String given) {
        page.fill("#familyName", family);
        page.fill("#givenName", given);
        page.selectOption("#sex", "F");
        page.fill("#birthDate", "1987-05-14");
    }

    private static boolean noSidewaysScroll(Page page) {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
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
