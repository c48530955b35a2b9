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
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Trauma: register an unidentified patient and their exam in one step, and later reconcile the temporary
 * identity to the real patient, who carries the exams and images along (DOMAIN.md SAF-40, SAF-41).
 */
@Controller
@PreAuthorize("hasRole('TECHNOLOGIST')")
class TraumaController {

    private final PatientService patients;
    private final ExamService exams;
    private final AuditService audit;
    private final Clock clock;

    TraumaController(PatientService patients, ExamService exams, AuditService audit, Clock clock) {
        this.clock = clock;
        this.patients = patients;
        this.exams = exams;
        this.audit = audit;
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

    @PostMapping("/trauma/{patientId}/reconcile")
    String reconcile(@PathVariable long patientId, @RequestParam String issuer, @RequestParam String realPatientId,
            RedirectAttributes redirect) {
        Patient temporary = patients.get(patientId);
        PatientIdentifier real = new PatientIdentifier(issuer, realPatientId);
        try {
            if (patients.find(real).isEmpty()) {
                throw new HounsfieldException(Failure.NOT_FOUND, "No patient " + real.value()
                        + " from " + real.issuer() + " yet: register them (ADT) first, then reconcile.");
            }
            patients.merge(real, temporary.identifier(), AuditService.currentActor());
            redirect.addFlashAttribute("message", temporary.identifier().value() + " is now " + real.value() + ".");
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/trauma";
    }
}
