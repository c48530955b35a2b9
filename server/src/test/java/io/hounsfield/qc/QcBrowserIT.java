package io.hounsfield.qc;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 19 in Chromium: overdue daily QC on the board, the equipment page and the program, a result entered by hand, the trend. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class QcBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    QcService qc;

    @Autowired
    Clock clock;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void overdueQcShowsUntilATechnologistRecordsItAndTheTrendDrawsThePoints() {
        Instant now = clock.instant();
        for (int day = 5; day >= 1; day--) {
            double sd = day == 2 ? 6.4 : 5.0;
            qc.record(new QcResult("1.2.826.0.1.3680043.10.1.19." + day, "CT1", QcService.CT_WATER,
                    now.minus(Duration.ofDays(day)), day == 2 ? "FAIL" : "PASS", 0.3 * day - 0.8, sd, 1.1,
                    Map.of("centre", 0.1), 200.0, List.of(day == 2 ? "Noise 6.4 HU is more than 20% from the"
                    + " baseline 5.0 HU" : "Water CT number, uniformity and noise within tolerance"), "", "test"));
        }
        browser = new Browser("http://127.0.0.1:" + port);
        Page page = browser.loggedIn("tech", "demo", 1366, 900);
        page.navigate(browser.url("/board"));
        assertThat(page.content()).contains("CT1: daily QC not done today");
        page.navigate(browser.url("/equipment"));
        assertThat(page.locator("p.overdue-qc").textContent()).contains("CT1: daily QC not done today");

        page.navigate(browser.url("/equipment/qc"));
        assertThat(page.locator("#qc-program tr[data-test=CT_WATER_DAILY]").textContent())
                .contains("overdue: not done today");
        assertThat(page.locator("#qc-program tr[data-test=MR_ACR_WEEKLY]").textContent()).as("from the equipment records")
                .contains("MR1").contains("due: never recorded");
        assertThat(page.locator("a.active").allTextContents()).as("only the QC link is marked, not Equipment too")
                .containsExactly("Equipment QC");
        Browser.screenshot(page, "qc-program");

        page.navigate(browser.url("/equipment/qc/trend?aeTitle=CT1"));
        assertThat(page.locator("#qc-mean-chart circle").count()).as("the demo's history and these five")
                .isEqualTo(QcDemoHistory.DAYS + 5);
        assertThat(page.locator("#qc-noise-chart circle.qc-fail").count()).isEqualTo(1);
        assertThat(page.locator("#qc-results").textContent()).contains("Noise 6.4 HU is more than 20%");
        Browser.screenshot(page, "qc-trend");

        page.navigate(browser.url("/equipment/qc"));
        page.selectOption("#qc-enter select[name=test]", "CT_WATER_DAILY");
        page.fill("#qc-enter input[name=value]", "1.5");
        page.click("#qc-enter button[type=submit]");
        assertThat(page.content()).contains("CT1: result recorded, passed.");
        assertThat(page.locator("#qc-program tr[data-test=CT_WATER_DAILY]").textContent()).contains("done today");
        page.navigate(browser.url("/board"));
        assertThat(page.content()).doesNotContain("daily QC not done today");
        page.navigate(browser.url("/equipment"));
        assertThat(page.locator("p.overdue-qc").count()).isZero();

        Page physicist = browser.loggedIn("physicist", "demo", 1366, 900);
        physicist.navigate(browser.url("/equipment/qc"));
        assertThat(physicist.locator("#qc-tolerances").textContent()).contains("ACR 2017 CT Quality Control Manual");
        Browser.screenshot(physicist, "qc-tolerances");
    }
}
