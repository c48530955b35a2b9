package io.hounsfield.staff;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import io.hounsfield.security.NewUser;
import io.hounsfield.security.Role;
import io.hounsfield.security.UserService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 21's browser test: a lead opens a staff record, adds an ARRT credential, a BLS card and a CE activity; the
 * progress bar and the alerts follow. At 1366 px. Screenshots: target/screenshots/staff-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class StaffBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    Clock clock;

    @BeforeAll
    static void screenshotsFolder() throws Exception {
        Files.createDirectories(Path.of("target", "screenshots"));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aLeadAddsACredentialAndACeActivityAndTheProgressBarAndAlertsFollow() {
        String username = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(username, "Riley Newstart", Role.TECHNOLOGIST, "password123"));
        LocalDate today = LocalDate.now(clock);
        Page page = browser().loggedIn("lead", "demo", 1366, 768);

        page.navigate(browser.url("/staff"));
        page.selectOption("#new-username", username);
        page.selectOption("#new-birth-month", String.valueOf(today.getMonthValue()));
        page.click("#create-record button[type=submit]");
        assertThat(page.locator("#message")).hasText("Staff record opened for Riley Newstart.");
        assertThat(page.locator("#no-biennium")).isVisible();
        assertThat(page.locator("#no-alerts")).isVisible();

        addCredential(page, "ARRT", "R", "7654321", today.minusYears(5), today.plusDays(200));
        assertThat(page.locator("#message")).hasText("Credential added.");
        assertThat(page.locator("#credential-table")).containsText("Radiography (R)");
        assertThat(page.locator("#ce-progress")).hasAttribute("value", "0");
        assertThat(page.locator("#alerts .staff-alert")).hasCount(0);
        assertThat(page.locator("#ce-summary")).containsText("0 of 24 credits");
        Browser.screenshot(page, "staff-credential-added");

        addCredential(page, "BLS", "AHA BLS Provider", "BLS-99", today.minusYears(2).plusDays(20), today.plusDays(20));
        assertThat(page.locator("#alerts .staff-alert")).hasCount(1);
        assertThat(page.locator("#alerts")).containsText("Within 30 days");
        assertThat(page.locator("#alerts")).containsText("BLS/CPR card AHA BLS Provider: ends in 20 days");

        page.fill("#ce-title", "Radiation protection in fluoroscopy");
        page.selectOption("#ce-category", "A_PLUS");
        page.fill("#ce-credits", "6");
        page.fill("#ce-completed", today.toString());
        page.click("#add-ce");
        assertThat(page.locator("#message")).hasText("CE activity recorded.");
        assertThat(page.locator("#ce-progress")).hasAttribute("value", "6");
        assertThat(page.locator("#ce-summary")).containsText("6 of 24 credits");
        assertThat(page.locator("#activities")).containsText("Category A+");
        Browser.screenshot(page, "staff-ce-recorded");

        page.navigate(browser.url("/staff"));
        assertThat(page.locator("#alerts tr", new Page.LocatorOptions().setHasText("Riley Newstart")))
                .containsText("Within 30 days");
        Browser.screenshot(page, "staff-lead-report");

        // The lead's start page counts the department's alerts.
        page.navigate(browser.url("/"));
        assertThat(page.locator("#start-notices")).containsText("on staff records:");
        assertThat(page.locator("#start-notices")).containsText("within 30 days");

        // The person's start page shows their own alert; their page, without the lead's forms.
        Page own = browser.loggedIn(username, "password123", 1366, 768);
        own.navigate(browser.url("/"));
        assertThat(own.locator("#start-notices .start-notice")).hasCount(1);
        assertThat(own.locator("#start-notices")).containsText("Your BLS/CPR card AHA BLS Provider: ends in 20 days");
        assertThat(own.locator("#start-notices .start-notice")).hasClass(java.util.regex.Pattern.compile("\\berror\\b"));
        Browser.screenshot(own, "staff-start-page");
        own.click("#start-notices a");
        assertThat(own.locator("#alerts")).containsText("Within 30 days");
        assertThat(own.locator("#ce-summary")).containsText("6 of 24 credits");
        assertThat(own.locator("#credential-form")).hasCount(0);
        assertThat(own.locator("#ce-form")).isVisible();
        Browser.screenshot(own, "staff-own-page");
        own.context().close();
        page.context().close();
    }

    private static void addCredential(Page page, String kind, String code, String number, LocalDate issued,
            LocalDate expires) {
        page.selectOption("#credential-kind", kind);
        page.fill("#credential-code", code);
        page.fill("#credential-number", number);
        page.fill("#credential-issued", issued.toString());
        page.fill("#credential-expires", expires.toString());
        page.click("#add-credential");
        page.waitForLoadState();
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser("http://127.0.0.1:" + port);
        }
        return browser;
    }
}
