package io.hounsfield.inventory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 20's inventory in a browser at 1366 px: the lead scans a GS1 barcode to receive a lot into CT1 and sees it
 * on the stock page beside the demo's expired and recalled lots and reorder warning; a technologist sees the stock
 * without the lead's forms; the usage chart opens. Screenshots: target/screenshots/inventory-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class InventoryBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

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
    void aLeadReceivesAScannedLotAndSeesItOnTheStockPage() {
        LocalDate expiry = LocalDate.now(clock).plusDays(300);
        String gtin = "0401234500009" + Gs1.checkDigit("0401234500009");
        Page page = browser().loggedIn("lead", "demo", 1366, 768);

        page.navigate(browser.url("/inventory"));
        assertThat(page.locator("#stock tr[data-lot='OM23A4']")).containsText("Expired — do not use");
        assertThat(page.locator("#stock tr[data-lot='GV-77R2']")).containsText("Recalled — do not use");
        assertThat(page.locator("#reorder-warnings")).containsText("IV catheter 22G in CT1");

        page.fill("#scan", "(01)" + gtin + "(17)" + expiry.format(DateTimeFormatter.ofPattern("yyMMdd"))
                + "(10)BRW-1");
        page.selectOption("#receipt-room", "CT1");
        page.fill("#receipt-amount", "30");
        page.click("#receipt-form button[type=submit]");

        assertThat(page.locator("#stock-message")).hasText("Received 30 pieces of Syringe 10 mL lot BRW-1 into CT1.");
        assertThat(page.locator("#stock tr[data-lot='BRW-1']")).containsText("30 pieces");
        assertThat(page.locator("#stock tr[data-lot='BRW-1']")).containsText(InventoryWords.date(expiry));
        assertThat(page.locator("#stock tr[data-lot='OM23A4']")).isVisible();
        org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(1366);
        Browser.screenshot(page, "inventory-received");

        page.fill("#scan", "(01)" + gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10) + "(10)X");
        page.fill("#receipt-amount", "1");
        page.click("#receipt-form button[type=submit]");
        assertThat(page.locator("#stock-error")).containsText("has a wrong check digit");

        page.navigate(browser.url("/inventory/usage"));
        assertThat(page.locator("h1")).hasText("Supply usage per exam type");
        Browser.screenshot(page, "inventory-usage");

        Page technologist = browser().loggedIn("tech", "demo", 1366, 768);
        technologist.navigate(browser.url("/inventory?room=CT1"));
        assertThat(technologist.locator("#stock tr[data-lot='BRW-1']")).isVisible();
        assertThat(technologist.locator("#receipt-form")).hasCount(0);
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser("http://127.0.0.1:" + port);
        }
        return browser;
    }
}
