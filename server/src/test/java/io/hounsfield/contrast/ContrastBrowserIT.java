package io.hounsfield.contrast;

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
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 20 in Chromium: screen, administer from a lot, record a mild reaction, see the stock and the warning. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class ContrastBrowserIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void screenAdministerFromALotRecordAMildReactionAndSeeTheWarningOnTheNextOrder() {
        long patient = patients.registerTemporary(Sex.M, LEAD).id();
        Exam exam = verifiedExam(patient);
        long lot = lot(exam);
        browser = new Browser("http://127.0.0.1:" + port);
        Page page = browser.loggedIn("tech", "demo");
        page.navigate(browser.url("/exams/" + exam.id()));

        page.fill("#egfr", "74");
        page.fill("#contrast-form input[name=egfrDate]", LocalDate.now(clock).toString());
        page.selectOption("#prior-reaction", "NONE");
        for (String question : new String[] {"metformin", "kidneyRisk", "aki", "dialysis"}) {
            page.check("#contrast-form input[name=" + question + "][value=false]");
        }
        page.selectOption("#contrast-agent", "IOHEXOL_350");
        page.click("#contrast-save");
        assertThat(page.locator("#contrast-summary")).containsText("No contrast risk found");
        Browser.screenshot(page, "contrast-screened");

        assertThat(page.locator("#administration-lot")).containsText("500 mL left");
        page.selectOption("#administration-lot", String.valueOf(lot));
        page.fill("#administration-volume", "80");
        page.selectOption("#administration-route", "IV");
        page.fill("#administration-form input[name=site]", "right antecubital, 20 G");
        page.fill("#administration-form input[name=rateMlPerS]", "3");
        page.fill("#administration-at", LocalDateTime.now(clock).minusMinutes(2).format(LOCAL));
        page.click("#administration-save");
        assertThat(page.locator("#contrast-administrations")).containsText("80 mL of Omnipaque 350 browser");
        assertThat(page.locator("#administration-lot")).containsText("420 mL left");
        Browser.screenshot(page, "contrast-administered");

        page.fill("#reaction-onset", LocalDateTime.now(clock).minusMinutes(1).format(LOCAL));
        page.selectOption("#reaction-type", "ALLERGIC_LIKE");
        page.selectOption("#reaction-severity", "MILD");
        page.selectOption("#reaction-example", "AMIL1");
        page.fill("#reaction-outcome", "resolved without treatment");
        page.click("#reaction-save");
        assertThat(page.locator("#contrast-reactions")).containsText("limited hives or itching");
        Browser.screenshot(page, "contrast-reaction");
        assertThat(jdbc.sql("SELECT quantity FROM inventory_stock WHERE lot_id = ?").param(lot)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("420");

        Exam next = verifiedExam(patient);
        page.navigate(browser.url("/board"));
        page.fill("#search", next.accessionNumber());
        assertThat(page.locator("tr[data-accession='" + next.accessionNumber() + "'] .contrast-warning"))
                .containsText("mild, limited hives or itching");
        Browser.screenshot(page, "contrast-warning-board");
        page.navigate(browser.url("/exams/" + next.id()));
        assertThat(page.locator("#contrast .contrast-warning")).containsText("Contrast reaction on");
        page.navigate(browser.url("/orders/new?patient=" + patient));
        assertThat(page.locator(".contrast-warning")).containsText("mild, limited hives or itching");
        Browser.screenshot(page, "contrast-warning-order");
    }

    private Exam verifiedExam(long patient) {
        Exam exam = exams.schedule(new NewExam(null, patient, "CTCHESTC", null, Priority.ROUTINE, "CT1",
                clock.instant(), null, null), LEAD);
        exams.transition(exam.id(), ExamState.ARRIVED, LEAD, null);
        return exams.transition(exam.id(), ExamState.VERIFIED, LEAD, null);
    }

    private long lot(Exam exam) {
        long item = jdbc.sql("INSERT INTO inventory_item (name, category, unit, agent_code) VALUES (?, 'CONTRAST', "
                + "'mL', 'IOHEXOL_350') RETURNING id").param("Omnipaque 350 browser " + exam.id())
                .query(Long.class).single();
        long lot = jdbc.sql("INSERT INTO inventory_lot (item_id, lot_number, expiry) VALUES (?, ?, ?) RETURNING id")
                .params(item, "B" + exam.id(), java.sql.Date.valueOf(LocalDate.now(clock).plusYears(1)))
                .query(Long.class).single();
        jdbc.sql("INSERT INTO inventory_stock (lot_id, room, quantity) VALUES (?, 'CT1', 500)").param(lot).update();
        return lot;
    }
}
