package io.hounsfield.workstation;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.contrast.ContrastService;
import io.hounsfield.dose.DoseService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.Laterality;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.protocol.ProtocolLibrary;
import io.hounsfield.quality.ImageRejections;
import io.hounsfield.quality.QualityService;
import java.time.Clock;
import java.time.LocalDate;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One page per exam, in the order the work happens; every step posts back to it. */
@Controller
@RequestMapping("/exams/{examId}")
@PreAuthorize("@workstationAccess.may(authentication, 'PERFORM')")
class CockpitController {

    private final Cockpit cockpit;
    private final CockpitRecords records;
    private final ExamService exams;
    private final PatientService patients;
    private final ProcedureCatalog catalog;
    private final OrderService orders;
    private final AuditService audit;
    private final ProtocolLibrary protocols;
    private final Clock clock;
    private final ScreenPage screenPage;
    private final QualityApproval approval;
    private final QualityService quality;
    private final ImageRejections rejections;
    private final DoseService dose;
    private final ContrastService contrast;

    CockpitController(Cockpit cockpit, CockpitRecords records, ExamService exams, PatientService patients,
            ProcedureCatalog catalog, OrderService orders, AuditService audit, ProtocolLibrary protocols, Clock clock,
            ScreenPage screenPage, QualityApproval approval, QualityService quality,
            ImageRejections rejections, DoseService dose, ContrastService contrast) {
        this.contrast = contrast;
        this.dose = dose;
        this.approval = approval;
        this.rejections = rejections;
        this.quality = quality;
        this.clock = clock;
        this.protocols = protocols;
        this.screenPage = screenPage;
        this.cockpit = cockpit;
        this.records = records;
        this.exams = exams;
        this.patients = patients;
        this.catalog = catalog;
        this.orders = orders;
        this.audit = audit;
    }

    /** Radiologists and physicists open it too: they decide on positive screens. */
    @GetMapping
    @PreAuthorize("@workstationAccess.may(authentication, 'VIEW')")
    String page(@PathVariable long examId, Model model) {
        Exam exam = exams.get(examId);
        Patient patient = patients.get(exam.patientId());
        audit.record(AuditEntry.success("EXAM_VIEWED", "EXAM", exam.accessionNumber())
                .forPatient(patient.identifier().toString()));
        model.addAttribute("exam", exam);
        model.addAttribute("patient", patient);
        model.addAttribute("procedure", catalog.get(exam.procedureCode()));
        model.addAttribute("order", exam.orderId() == null ? null : orders.get(exam.orderId()));
        model.addAttribute("verification", records.lastVerification(examId).orElse(null));
        var screens = cockpit.screensFor(exam);
        model.addAttribute("pregnancyApplies", screens.contains(Screen.PREGNANCY));
        model.addAttribute("contrastApplies", screens.contains(Screen.CONTRAST));
        model.addAttribute("mriApplies", screens.contains(Screen.MRI));
        model.addAttribute("pregnancyScreen", records.lastScreen(examId, Screen.PREGNANCY).orElse(null));
        model.addAttribute("contrastScreen", records.lastScreen(examId, Screen.CONTRAST).orElse(null));
        model.addAttribute("mriScreen", records.lastScreen(examId, Screen.MRI).orElse(null));
        screenPage.addTo(model, exam);
        model.addAttribute("notes", records.notes(examId).orElse(null));
        model.addAttribute("timeOutRequired", cockpit.timeOutRequired(exam));
        model.addAttribute("timeOutBy", records.timeOutBy(examId).orElse(null));
        model.addAttribute("transport", records.transport(examId).orElse(null));
        model.addAttribute("transportStatuses", TransportStatus.values());
        model.addAttribute("history", exams.history(examId));
        model.addAttribute("hold", exams.activeHold(examId).orElse(null));
        model.addAttribute("imagesReceived", cockpit.imagesReceived(exam));
        model.addAttribute("qualityChecks", quality.checks(exam.studyInstanceUid()));
        model.addAttribute("qualityOpen", quality.unacknowledged(exam.studyInstanceUid()));
        model.addAttribute("qualityRejected", rejections.reasons(exam.studyInstanceUid()));
        model.addAttribute("protocol", protocols.protocol(exam.procedureCode()).orElse(null));
        model.addAttribute("ageGroup", AgeGroup.of(patient.demographics().birthDate(), LocalDate.now(clock)));
        model.addAttribute("dose", dose.panel(exam));
        model.addAttribute("contrast", screens.contains(Screen.CONTRAST) ? contrast.panel(exam) : null);
        model.addAttribute("contrastDecisions", ContrastService.DECISION_ORDER.stream()
                .map(code -> new ScreenPage.Choice(code, ContrastService.DECISIONS.get(code))).toList());
        return "workstation/exam";
    }

    /** A one-page handout for the patient, in their language, ready to print. */
    @GetMapping("/instructions")
    String instructions(@PathVariable long examId, @RequestParam(defaultValue = "en") String language, Model model) {
        Exam exam = exams.get(examId);
        Patient patient = patients.get(exam.patientId());
        String shown = ProtocolLibrary.LANGUAGES.contains(language) ? language : "en";
        audit.record(AuditEntry.success("INSTRUCTIONS_PRINTED", "EXAM", exam.accessionNumber())
                .forPatient(patient.identifier().toString()).withDetail(shown));
        model.addAttribute("exam", exam);
        model.addAttribute("patient", patient);
        model.addAttribute("procedure", catalog.get(exam.procedureCode()));
        model.addAttribute("language", shown);
        model.addAttribute("instructions", protocols.instructions(exam.procedureCode(), shown).orElse(null));
        return "workstation/instructions";
    }

    @PostMapping("/verify")
    String verify(@PathVariable long examId, @RequestParam String identifiers,
            @RequestParam(defaultValue = "false") boolean procedureConfirmed, RedirectAttributes redirect) {
        return act(examId, redirect, "Identity and procedure verified.",
                () -> cockpit.verify(examId, identifiers, procedureConfirmed, AuditService.currentActor()));
    }

    @PostMapping("/mismatch")
    String mismatch(@PathVariable long examId, @RequestParam String identifiers, @RequestParam String reason,
            @RequestParam(required = false) String expectedSide, RedirectAttributes redirect) {
        return act(examId, redirect, "Mismatch recorded. The exam is on hold until a lead overrides it or the "
                + "ordering department corrects the order.", () -> cockpit.mismatch(examId, identifiers, reason,
                        side(expectedSide), AuditService.currentActor()));
    }

    @PostMapping("/hold/override")
    @PreAuthorize("@workstationAccess.may(authentication, 'OVERRIDE_HOLD')")
    String overrideHold(@PathVariable long examId, @RequestParam String reason,
            @RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
        return act(examId, redirect, "Hold lifted. Verify the patient and the procedure again before starting.",
                () -> cockpit.overrideHold(examId, reason, confirmed, AuditService.currentActor()));
    }

    /** Decisions on positive screens; the screen itself says which roles may decide. */
    @PostMapping("/decision")
    @PreAuthorize("@workstationAccess.may(authentication, 'DECIDE')")
    String decision(@PathVariable long examId, @RequestParam Screen screen, @RequestParam String decision,
            @RequestParam(required = false) String contrastDecision, RedirectAttributes redirect) {
        return act(examId, redirect, "Decision recorded.",
                () -> cockpit.decide(examId, screen, decision, contrastDecision, AuditService.currentActor()));
    }

    @PostMapping("/time-out")
    String timeOut(@PathVariable long examId, @RequestParam(required = false) String participants,
            @RequestParam(defaultValue = "NOT_APPLICABLE") String siteMark,
            @RequestParam(defaultValue = "false") boolean identityConfirmed,
            @RequestParam(defaultValue = "false") boolean siteConfirmed,
            @RequestParam(defaultValue = "false") boolean procedureConfirmed,
            @RequestParam(defaultValue = "false") boolean imagingDisplayed, RedirectAttributes redirect) {
        return act(examId, redirect, "Time-out recorded.", () -> cockpit.recordTimeOut(examId, participants, siteMark,
                identityConfirmed, siteConfirmed, procedureConfirmed, imagingDisplayed, AuditService.currentActor()));
    }

    @PostMapping("/transport")
    String transport(@PathVariable long examId, @RequestParam TransportStatus status, RedirectAttributes redirect) {
        return act(examId, redirect, "Transport: " + status.label().toLowerCase() + ".",
                () -> cockpit.transport(examId, status, AuditService.currentActor()));
    }

    @PostMapping("/start")
    String start(@PathVariable long examId, @RequestParam(required = false) String supervisor,
            RedirectAttributes redirect) {
        return act(examId, redirect, "Exam started.",
                () -> cockpit.start(examId, supervisor, AuditService.currentActor()));
    }

    @PostMapping("/complete")
    String complete(@PathVariable long examId, @RequestParam(required = false) String notes,
            @RequestParam(required = false) String supervisor, @RequestParam(required = false) String noImageReason,
            RedirectAttributes redirect) {
        return act(examId, redirect, "Exam completed.",
                () -> cockpit.complete(examId, notes, supervisor, noImageReason, AuditService.currentActor()));
    }

    @PostMapping("/discontinue")
    String discontinue(@PathVariable long examId, @RequestParam String reason, RedirectAttributes redirect) {
        return act(examId, redirect, "Exam discontinued.",
                () -> cockpit.discontinue(examId, reason, AuditService.currentActor()));
    }

    @PostMapping("/approve")
    String approve(@PathVariable long examId, RedirectAttributes redirect) {
        return act(examId, redirect, "Images approved.", () -> approval.approve(examId, AuditService.currentActor()));
    }

    @PostMapping("/release")
    String release(@PathVariable long examId, RedirectAttributes redirect) {
        return act(examId, redirect, "Released for reading.",
                () -> approval.release(examId, AuditService.currentActor()));
    }

    /** The side chosen on the page; anything else (a hand-made request) is refused in words, not with a 500. */
    private static Laterality side(String expectedSide) {
        try {
            return Laterality.parse(expectedSide);
        } catch (IllegalArgumentException e) {
            throw new HounsfieldException(Failure.INVALID_INPUT,
                    "Choose left, right or both as the side it should be, or leave it empty.");
        }
    }

    /** Runs a step; a refusal comes back to the page as its message, not as an error page. */
    private static String act(long examId, RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("message", done);
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/exams/" + examId;
    }
}
