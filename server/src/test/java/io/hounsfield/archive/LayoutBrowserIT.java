package io.hounsfield.archive;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.hounsfield.Browser;
import io.hounsfield.Dcmtk;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.scp.DicomListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12 points 4 and 11 in a real browser at 1366 x 768 (and the quarantine also at 1920 x 1080): the quarantine
 * actions and all nine audit columns are inside the window, the reject goes through its confirmation page and can be
 * restored, and the peers page breaks no Content Security Policy rule. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class LayoutBrowserIT {

    private static final String RECORD_CSP_VIOLATIONS = """
            window.cspViolations = [];
            document.addEventListener('securitypolicyviolation',
                event => window.cspViolations.push(event.violatedDirective + ' ' + event.sourceFile + ':' + event.lineNumber));
            """;

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    DicomListener listener;

    @Autowired
    PatientService patients;

    @Autowired
    ExamService exams;

    @Autowired
    Clock clock;

    @TempDir
    Path work;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser("http://127.0.0.1:" + port);
        }
        return browser;
    }

    @Test
    void theQuarantineActionsAreOnScreenAndARejectIsConfirmedThenRestored() throws Exception {
        TestStudies.Study study = aQuarantinedStudy();
        for (int width : new int[] {1366, 1920}) {
            Page page = browser().loggedIn("lead", "demo", width, width == 1366 ? 768 : 1080);
            page.navigate(browser.url("/archive/quarantine"));
            Locator row = page.locator("tr.quarantined-study[data-study='" + study.studyUid() + "']");
            assertThat(row).isVisible();
            assertInside(row.locator("button:has-text('File under this exam')"), width);
            assertInside(row.locator("a.reject"), width);
            assertInside(page.locator("table.quarantine thead th").last(), width);
            Browser.screenshot(page, "quarantine-" + width);
            page.context().close();
        }

        Page page = browser().loggedIn("lead", "demo", 1366, 768);
        page.navigate(browser.url("/archive/quarantine"));
        page.locator("tr.quarantined-study[data-study='" + study.studyUid() + "'] a.reject").click();
        assertThat(page.locator("h1")).hasText("Reject these images?");
        assertThat(page.locator(".identity-side")).hasCount(2);
        assertThat(page.locator(".mismatch-warning").first()).containsText("The sex does not match");
        Browser.screenshot(page, "quarantine-reject-confirmation");

        page.locator("#confirm-reject").click();
        assertThat(page.locator(".alert.info").first()).containsText("can be restored until");
        Locator rejected = page.locator("tr.rejected-study[data-study='" + study.studyUid() + "']");
        assertThat(rejected.locator(".restorable")).containsText("Rejected, can be restored until");
        assertThat(page.locator("tr.quarantined-study[data-study='" + study.studyUid() + "']")).hasCount(0);
        Browser.screenshot(page, "quarantine-rejected");

        rejected.locator("button.restore").click();
        assertThat(page.locator("tr.quarantined-study[data-study='" + study.studyUid() + "']")).isVisible();
        page.context().close();
    }

    @Test
    void allNineAuditColumnsFitAt1366() {
        Page page = browser().loggedIn("lead", "demo", 1366, 768);
        page.navigate(browser.url("/audit"));
        Locator headers = page.locator("table.audit thead th");
        assertThat(headers).hasCount(9);
        for (int column = 0; column < 9; column++) {
            assertInside(headers.nth(column), 1366);
        }
        assertThat(page.locator(".paging-summary").first()).containsText("Rows 1–");
        Browser.screenshot(page, "audit-1366");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "audit-1366-window.png")));
        page.context().close();
    }

    @Test
    void thePeersPageBreaksNoContentSecurityPolicyRule() {
        Page page = browser().loggedIn("admin", "demo", 1366, 768);
        List<String> console = new ArrayList<>();
        page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
        page.addInitScript(RECORD_CSP_VIOLATIONS);
        page.navigate(browser.url("/admin/peers"));
        assertThat(page.locator("tr.peer").first()).isVisible();
        page.waitForLoadState();

        Object violations = page.evaluate("window.cspViolations");
        assertThat((List<?>) violations).as("CSP violations on the peers page").isEmpty();
        assertThat(console).as("console of the peers page")
                .noneMatch(line -> line.contains("Content Security Policy") || line.startsWith("error"));
        Browser.screenshot(page, "peers-1366");
        page.context().close();
    }

    /** The element's right edge is inside the window and inside the card that holds it (not scrolled away). */
    private static void assertInside(Locator element, int width) {
        BoundingBox box = element.boundingBox();
        assertThat(box).as("%s is laid out", element).isNotNull();
        assertThat(box.x + box.width).as("right edge of %s at %d px", element, width).isLessThanOrEqualTo(width);
        BoundingBox card = element.locator("xpath=ancestor::section[contains(@class,'card')]").boundingBox();
        assertThat(box.x + box.width).as("right edge of %s inside its card", element)
                .isLessThanOrEqualTo(card.x + card.width);
    }

    /** A woman's images (TestStudies) sent under a man's exam: quarantined for the wrong Patient ID. */
    private TestStudies.Study aQuarantinedStudy() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Actor adt = new Actor("ADT", "HL7", null);
        Patient patient = patients.register(new PatientIdentifier("HOSP", "LB-" + suffix),
                Demographics.named("Moreau", "Louis", LocalDate.of(1961, 4, 2), Sex.M), adt);
        Exam exam = exams.schedule(new NewExam(null, patient.id(), "CTHEAD", null, Priority.ROUTINE, "CT1",
                clock.instant(), null, null), adt);
        TestStudies.Study study = TestStudies.Study.of("W-" + suffix, "DUPONT^MARIE", exam.accessionNumber(),
                "20261201");
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port())));
        TestStudies.write(work.resolve(suffix), study, 1, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .forEach(file -> command.add(file.toString()));
        Dcmtk.Run run = Dcmtk.run(work, command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        return study;
    }
}
