package io.hounsfield.walk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import io.hounsfield.Dcmtk;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.archive.events.DeliveredEvents;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.Priority;
import io.hounsfield.order.NewOrder;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.scp.DicomListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12's walk through the point of care in Chromium at 1366 px: one exam of each kind, as technologist,
 * radiologist and lead, on a server whose department clock starts at the hour each subclass names. Orders arrive
 * as from the hospital's order system; everything after that is done in the browser (images come from dcmtk's
 * storescu, as from the modality). Screenshots are saved as {@code walk-<hour>-<step>.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PointOfCareWalk {

    private static final Actor EHR = new Actor("EHR", "HL7", null);
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    PatientService patients;

    @Autowired
    OrderService orders;

    @Autowired
    ExamService exams;

    @Autowired
    DicomListener listener;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path work;

    private Browser browser;

    /** The hour the department clock starts at, for the screenshots' names. */
    abstract String hour();

    @BeforeAll
    void openBrowser() {
        browser = new Browser("http://127.0.0.1:" + port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anXrayWhoseSideDoesNotMatchIsHeldUntilALeadLiftsIt() {
        Exam knee = order(patient("Varga", "Bence", 1979, Sex.M, null), "XRKNEE", Laterality.L, "DX1",
                "Knee pain after fall");
        Page tech = browser.loggedIn("tech", "demo", 1366, 768);
        checkIn(tech, knee);
        cockpit(tech, knee);
        tech.fill("#mismatch-reason", "Patient says the RIGHT knee hurts; LEFT ordered");
        tech.selectOption("#mismatch-side", "R");
        tech.click("#mismatch");
        assertThat(tech.locator("#hold")).containsText("LEFT ordered");
        assertThat(tech.locator("#verify")).hasCount(0);
        assertThat(tech.locator("#start")).hasCount(0);
        shot(tech, "xr-held");

        tech.navigate(browser.url("/board"));
        tech.fill("#search", knee.accessionNumber());
        assertThat(row(tech, knee).locator(".on-hold")).isVisible();
        shot(tech, "xr-board-held");

        Page lead = browser.loggedIn("lead", "demo", 1366, 768);
        cockpit(lead, knee);
        lead.fill("#override-reason", "Checked with the referrer: the left knee is the one to image");
        lead.check("#override-confirmed");
        lead.click("#override");
        assertThat(lead.locator("#hold")).hasCount(0);
        assertThat(lead.locator(".history")).containsText("Put on hold");
        assertThat(lead.locator(".history")).containsText("Hold lifted");
        shot(lead, "xr-hold-lifted");

        cockpit(tech, knee);
        verify(tech);
        tech.click("#start");
        assertState(tech, ExamState.IN_PROGRESS);
        tech.click("#complete");
        assertThat(tech.locator("[role=alert]")).isVisible();
        assertState(tech, ExamState.IN_PROGRESS);
        tech.fill("#no-image-reason", "Images kept on the detector during the network outage");
        tech.click("#complete");
        assertState(tech, ExamState.ACQUIRED);
        shot(tech, "xr-completed");
        tech.context().close();
        lead.context().close();
    }

    @Test
    void aContrastCtForAPatientWithAnAllergyWaitsForTheRadiologist() throws Exception {
        Patient patient = patient("Albrecht", "Otto", LocalDate.now(clock).getYear() - 67, Sex.M,
                "Iodinated contrast (hives, 2019)");
        Exam ct = order(patient, "CTABDPELC", null, "CT1", "Staging, colon cancer");
        Page tech = browser.loggedIn("tech", "demo", 1366, 768);
        checkIn(tech, ct);
        cockpit(tech, ct);
        verify(tech);
        assertThat(tech.locator("#contrast-on-record")).containsText("Iodinated contrast");
        assertThat(tech.locator("#egfr-needed")).isVisible();
        assertThat(tech.locator("#prior-reaction")).not().hasValue("NONE");
        tech.selectOption("#prior-reaction", "MILD");
        tech.fill("#egfr", "74");
        tech.fill("#contrast-form input[name=egfrDate]", LocalDate.now(clock).toString());
        tech.check("#contrast-form input[name=metformin][value=false]");
        tech.check("#contrast-form input[name=kidneyRisk][value=false]");
        tech.check("#contrast-form input[name=aki][value=false]");
        tech.check("#contrast-form input[name=dialysis][value=false]");
        tech.click("#contrast-save");
        assertThat(tech.locator("#contrast-summary")).isVisible();
        tech.click("#start");
        assertThat(tech.locator("[role=alert]")).containsText("radiologist");
        assertState(tech, ExamState.VERIFIED);
        shot(tech, "ct-waits-for-radiologist");

        Page radiologist = browser.loggedIn("radiologist", "demo", 1366, 768);
        decide(radiologist, ct, "#contrast", "Proceed with premedication per protocol");
        shot(radiologist, "ct-decided");

        cockpit(tech, ct);
        tech.click("#start");
        assertState(tech, ExamState.IN_PROGRESS);
        storeImages(ct, patient, "CT", 2);
        cockpit(tech, ct);
        tech.click("#complete");
        assertState(tech, ExamState.ACQUIRED);
        shot(tech, "ct-completed");
        tech.context().close();
        radiologist.context().close();
    }

    @Test
    void anMriWithAnImplantIsScannedOnlyAfterTheRadiologistDecides() {
        Exam mr = order(patient("Quispe", "Rosa", 1961, Sex.F, null), "MRBRAIN", null, "MR1", "Migraine, new features");
        Page tech = browser.loggedIn("tech", "demo", 1366, 768);
        checkIn(tech, mr);
        cockpit(tech, mr);
        verify(tech);
        assertThat(tech.locator("#implant")).hasValue("");
        tech.selectOption("#implant", "MR_CONDITIONAL");
        tech.check("#mri-form input[name=formReviewed]");
        tech.check("#mri-form input[name=verbalConfirmed]");
        tech.check("#mri-form input[name=zoneFourCheck]");
        tech.click("#mri-save");
        tech.click("#start");
        assertThat(tech.locator("[role=alert]")).containsText("must decide");
        assertState(tech, ExamState.VERIFIED);
        shot(tech, "mr-waits-for-radiologist");

        Page radiologist = browser.loggedIn("radiologist", "demo", 1366, 768);
        decide(radiologist, mr, "#mri", "Scan: pacemaker MR Conditional, SAR limit 2 W/kg, cardiology present");
        shot(radiologist, "mr-decided");

        cockpit(tech, mr);
        tech.click("#start");
        assertState(tech, ExamState.IN_PROGRESS);
        assertThat(tech.locator("#mri-form")).hasCount(0);
        tech.fill("#no-image-reason", "Scan abandoned: the patient could not keep still, images not sent");
        tech.click("#complete");
        assertState(tech, ExamState.ACQUIRED);
        shot(tech, "mr-completed");
        tech.context().close();
        radiologist.context().close();
    }

    @Test
    void anUnidentifiedTraumaPatientIsScannedAndThenReconciledByALead() throws Exception {
        Page tech = browser.loggedIn("tech", "demo", 1366, 768);
        tech.navigate(browser.url("/trauma"));
        tech.selectOption("#trauma-form select[name=sex]", "F");
        tech.click("#register-trauma");
        assertState(tech, ExamState.ARRIVED);
        assertThat(tech.locator("main")).containsText("identity pending");
        Exam scan = exams.get(Long.parseLong(tech.url().replaceAll(".*/exams/(\\d+).*", "$1")));
        Patient temporary = patients.get(scan.patientId());
        assertThat(temporary.temporary()).isTrue();
        shot(tech, "trauma-registered");

        storeImages(scan, temporary, "CT", 2);
        assertThat(exams.get(scan.id()).state()).as("the first image starts the exam").isEqualTo(ExamState.IN_PROGRESS);

        Patient real = patient("Okonjo", "Grace", 1990, Sex.F, null);
        Page lead = browser.loggedIn("lead", "demo", 1366, 768);
        lead.navigate(browser.url("/trauma"));
        Locator pending = lead.locator("tr:has-text('" + temporary.identifier().value() + "')");
        pending.locator("input[name=realPatientId]").fill(real.identifier().value());
        pending.locator("button:has-text('Review and reconcile')").click();
        assertThat(lead.locator(".identity-side").nth(1)).containsText("Okonjo");
        assertThat(lead.locator(".identity-side").first()).containsText(scan.accessionNumber());
        shot(lead, "trauma-review");
        assertThat(exams.get(scan.id()).patientId()).as("nothing merged before the confirmation").isEqualTo(temporary.id());
        if (lead.locator("input[name=acknowledged]").count() > 0) {
            lead.check("input[name=acknowledged]");
        }
        lead.click("#confirm-merge");
        assertThat(lead.locator(".alert.info")).containsText("is now " + real.identifier().value());
        assertThat(exams.get(scan.id()).patientId()).isEqualTo(real.id());
        shot(lead, "trauma-reconciled");
        tech.context().close();
        lead.context().close();
    }

    private Patient patient(String family, String given, int bornIn, Sex sex, String allergies) {
        PatientIdentifier identifier = new PatientIdentifier("HOSP", "W" + hour() + "-" + NUMBERS.incrementAndGet()
                + "-" + System.nanoTime() % 100_000);
        return patients.register(identifier, new Demographics(family, given, null, LocalDate.of(bornIn, 6, 15), sex,
                "eng", allergies, null, null, null), EHR);
    }

    /** An order as the order system sends it: booked in its room now. */
    private Exam order(Patient patient, String procedure, Laterality side, String room, String reason) {
        return orders.place(new NewOrder("EHR", "WALK-" + hour() + "-" + System.nanoTime(), patient.id(), procedure,
                side, Priority.ROUTINE, reason, "Okonkwo, Ada", room, clock.instant(), null, null), EHR);
    }

    private void checkIn(Page tech, Exam exam) {
        tech.navigate(browser.url("/board"));
        assertThat(tech.locator("h1")).hasText("Today");
        tech.fill("#search", exam.accessionNumber());
        assertThat(tech.locator("#board-rows tr[data-accession]")).hasCount(1);
        row(tech, exam).locator("button.check-in").click();
        assertThat(row(tech, exam).locator(".badge.state-ARRIVED")).isVisible();
    }

    private void cockpit(Page page, Exam exam) {
        page.navigate(browser.url("/exams/" + exam.id()));
        assertThat(page.locator("#exam-state")).isVisible();
    }

    private void verify(Page tech) {
        tech.check("#procedure-confirmed");
        tech.click("#verify");
        assertState(tech, ExamState.VERIFIED);
    }

    /** The radiologist finds the exam on their own landing list and records the decision on the named screen. */
    private void decide(Page radiologist, Exam exam, String screen, String decision) {
        radiologist.navigate(browser.url("/"));
        assertThat(radiologist).hasURL(Pattern.compile(".*/decisions$"));
        Locator waiting = radiologist.locator("#decisions tr[data-accession='" + exam.accessionNumber() + "']");
        assertThat(waiting).isVisible();
        shot(radiologist, "decisions-" + screen.substring(1));
        waiting.locator("a").click();
        assertThat(radiologist.locator("#start")).hasCount(0);
        assertThat(radiologist.locator("#complete")).hasCount(0);
        if (screen.equals("#contrast")) {
            radiologist.selectOption("#contrast-decision", "PROCEED");
        }
        radiologist.fill(screen + " input[name=decision]", decision);
        radiologist.click(screen + " form[action$='/decision'] button");
        assertThat(radiologist.locator(screen + "-summary")).containsText(decision);
    }

    private void assertState(Page page, ExamState state) {
        assertThat(page.locator("#exam-state")).hasClass(Pattern.compile("\\bstate-" + state + "\\b"));
    }

    private static Locator row(Page page, Exam exam) {
        return page.locator("#board-rows tr[data-accession='" + exam.accessionNumber() + "']");
    }

    /** The modality sends images for the exam, as its worklist entry gave them. */
    private void storeImages(Exam exam, Patient patient, String modality, int images) throws Exception {
        TestStudies.Study study = new TestStudies.Study(exam.studyInstanceUid(), patient.identifier().value(),
                patient.demographics().familyName() + "^" + patient.demographics().givenName(), exam.accessionNumber(),
                LocalDate.now(clock).toString().replace("-", ""), modality);
        Path folder = work.resolve(exam.accessionNumber());
        TestStudies.write(folder, study, 1, images, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();
        DeliveredEvents.awaitExamWorkflow(jdbc);
    }

    private void shot(Page page, String step) {
        Browser.screenshot(page, "walk-" + hour() + "-" + step);
    }
}
