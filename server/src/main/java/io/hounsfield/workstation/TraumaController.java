package io.hounsfield.workstation;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Trauma: register an unidentified patient and their exam in one step, and later reconcile the temporary
 * identity to the real patient, who carries the exams and images along (DOMAIN.md SAF-40, SAF-41). The merge is
 * two steps: a review of both patients, then a confirmation, with an explicit acknowledgement when they differ.
 */
@Controller
@PreAuthorize("hasRole('TECHNOLOGIST')")
class TraumaController {

    private final PatientService patients;
    private final ExamService exams;
    private final AuditService audit;
    private final Clock clock;
    private final MergeReview review;

    TraumaController(PatientService patients, ExamService exams, AuditService audit, Clock clock,
            MergeReview review) {
        this.clock = clock;
        this.patients = patients;
        this.exams = exams;
        this.audit = audit;
        this.review = review;
    }

    @GetMapping("/trauma")
    String page(Model model) {
        audit.record(AuditEntry.success("TRAUMA_LIST_VIEWED", "PATIENT", null));
        model.addAttribute("pending", patients.awaitingReconciliation());
        return "workstation/trauma";
    }

    /** One step: temporary identity, STAT exam in the room now, patient checked in. Opens the cockpit. */
    @PostMapping("/trauma")
    @Transactional
    String register(@RequestParam Sex sex, @RequestParam String procedureCode, @RequestParam String room) {
        Actor actor = AuditService.currentActor();
        Patient patient = patients.registerTemporary(sex, actor);
        Exam exam = exams.schedule(new NewExam(null, patient.id(), procedureCode, null, Priority.STAT, room,
                clock.instant(), null, null), actor);
        exams.transition(exam.id(), ExamState.ARRIVED, actor, "trauma registration");
        return "redirect:/exams/" + exam.id();
    }

    /**
     * Step one of a reconciliation: the temporary and the real patient side by side, with their exams and a warning
     * where sex or birth date differ. Nothing changes yet.
     */
    @GetMapping("/trauma/{patientId}/reconcile")
    String review(@PathVariable long patientId, @RequestParam String issuer, @RequestParam String realPatientId,
            Model model, RedirectAttributes redirect) {
        Patient temporary = patients.get(patientId);
        PatientIdentifier real;
        try {
            real = new PatientIdentifier(issuer, realPatientId);
        } catch (IllegalArgumentException blank) {
            redirect.addFlashAttribute("error", "Type the real patient's MRN and its issuer.");
            return "redirect:/trauma";
        }
        Optional<Patient> found = patients.find(real);
        if (found.isEmpty()) {
            redirect.addFlashAttribute("error", "No patient " + real.value() + " from " + real.issuer()
                    + " yet: register them (ADT) first, then reconcile.");
            return "redirect:/trauma";
        }
        model.addAttribute("temporaryId", temporary.id());
        model.addAttribute("real", real);
        model.addAttribute("review", review.review(temporary, found.get()));
        return "workstation/trauma-reconcile";
    }

    /**
     * Step two: the merge, only with {@code confirmed}, and with {@code acknowledged} when the sexes or birth dates
     * differ; otherwise back to the review, nothing merged.
     */
    @PostMapping("/trauma/{patientId}/reconcile")
    String reconcile(@PathVariable long patientId, @RequestParam String issuer, @RequestParam String realPatientId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @RequestParam(defaultValue = "false") boolean acknowledged, RedirectAttributes redirect) {
        Patient temporary = patients.get(patientId);
        PatientIdentifier real = new PatientIdentifier(issuer, realPatientId);
        String reviewPage = "redirect:" + UriComponentsBuilder.fromPath("/trauma/{id}/reconcile")
                .queryParam("issuer", issuer).queryParam("realPatientId", realPatientId).buildAndExpand(patientId)
                .encode().toUriString();
        Optional<Patient> found = patients.find(real);
        if (!confirmed || found.isEmpty()) {
            return reviewPage;
        }
        MergeReview.Comparison comparison = review.review(temporary, found.get());
        if (comparison.comparison().mismatch() && !acknowledged) {
            redirect.addFlashAttribute("error", "Tick the box to confirm that you checked the differences, or go back.");
            return reviewPage;
        }
        Actor actor = AuditService.currentActor();
        if (comparison.comparison().mismatch()) {
            audit.record(actor, AuditEntry.success("PATIENT_MERGE_MISMATCH_ACKNOWLEDGED", "PATIENT",
                    String.valueOf(found.get().id())).forPatient(real.toString())
                    .withDetail(temporary.identifier() + ": " + String.join(" ", comparison.comparison().warnings())));
        }
        patients.merge(real, temporary.identifier(), actor);
        redirect.addFlashAttribute("message", temporary.identifier().value() + " is now " + real.value() + ".");
        return "redirect:/trauma";
    }
}
