package io.hounsfield.equipment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The equipment pages in a real browser at 1366 x 768: the uptime chart shows the demo CT's past downtime, a
 * technologist logs a fault, and marks a room cleaned on the board. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.demo-images=false",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class EquipmentBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    EquipmentService equipment;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void uptimeAndFaultLogRenderAFaultIsLoggedAndARoomCleaned() {
        browser = new Browser("http://127.0.0.1:" + port);
        Page page = browser.loggedIn("tech", "demo", 1366, 768);

        page.navigate(browser.url("/equipment"));
        assertThat(page.locator("tr.equipment")).hasCount(4);
        assertThat(page.locator("g.uptime-bar[data-name='CT1']")).hasAttribute("data-percent", "99.4 %");
        assertThat(page.locator("g.uptime-bar[data-name='CT1']")).containsText("3 h 45 min down");
        assertFits(page);
        Browser.screenshot(page, "equipment-list-1366");

        page.locator("tr.equipment a", new Page.LocatorOptions().setHasText("CT1")).click();
        assertThat(page.locator("tr.fault.resolved")).containsText("Tube arcing");
        assertThat(page.locator("tr.status-change").first()).containsText("Engineer's fix verified");
        page.locator("#fault-form input[name=symptom]").fill("Table will not move down");
        page.locator("#fault-form input[name=errorCode]").fill("T-17");
        page.locator("#fault-form select[name=severity]").selectOption("DEGRADED");
        page.locator("#fault-form button").click();
        assertThat(page.locator("p.alert.info")).hasText("Fault logged.");
        assertThat(page.locator("tr.fault.open")).containsText("Table will not move down");
        assertFits(page);
        Browser.screenshot(page, "equipment-detail-1366");

        page.navigate(browser.url("/board"));
        page.locator("li[data-room='MR ROOM 3'] button.room-cleaned").click();
        assertThat(page.locator("#board-rooms p.alert.info")).hasText("MR ROOM 3 logged as cleaned.");
        assertThat(page.locator("li[data-room='MR ROOM 3']")).containsText("Ready");
        Browser.screenshot(page, "board-rooms-1366");
        page.context().close();

        long unit = equipment.forAeTitle("CT1").orElseThrow().id();
        org.assertj.core.api.Assertions.assertThat(equipment.find(unit)).isPresent();
    }

    private static void assertFits(Page page) {
        Object width = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("page width").isLessThanOrEqualTo(1366);
    }
}
