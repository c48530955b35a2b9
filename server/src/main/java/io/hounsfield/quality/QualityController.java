package io.hounsfield.quality;

import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.PatientService;
import io.hounsfield.staff.DirectSupervision;
import io.hounsfield.system.HounsfieldException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The acknowledgement form of the cockpit's quality panel, and the thresholds page. */
@Controller
class QualityController {

    private final QualityService quality;
    private final ImageRejections rejections;
    private final ExamService exams;
    private final PatientService patients;

    QualityController(QualityService quality, ImageRejections rejections, ExamService exams,
            PatientService patients) {
        this.quality = quality;
        this.rejections = rejections;
        this.exams = exams;
        this.patients = patients;
    }

    @PostMapping("/exams/{examId}/quality/acknowledge")
    @PreAuthorize("hasRole('TECHNOLOGIST')")
    String acknowledge(@PathVariable long examId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Exam exam = exams.get(examId);
        try {
            int count = quality.acknowledge(exam.studyInstanceUid(), exam.accessionNumber(),
                    patients.get(exam.patientId()).identifier().toString(), reason, AuditService.currentActor());
            redirect.addFlashAttribute("message", io.hounsfield.system.Count.of(count, "check result",
                    "check results") + " acknowledged.");
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/exams/" + examId + "#quality-checks";
    }

    /**
     * Rejects one image of the exam (IHE IOCM); the form asks for a reason and a confirmation, and a student for the
     * technologist present for the repeat (STUDENT includes TECHNOLOGIST and LEAD).
     */
    @PostMapping("/exams/{examId}/quality/reject")
    @PreAuthorize("hasRole('STUDENT')")
    String reject(@PathVariable long examId, @RequestParam String sopInstanceUid,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String comment,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @RequestParam(required = false) String supervisor,
            @RequestParam(defaultValue = "false") boolean supervisorPresent, RedirectAttributes redirect) {
        Exam exam = exams.get(examId);
        try {
            rejections.reject(exam.studyInstanceUid(), sopInstanceUid, reason, comment, confirmed,
                    new DirectSupervision(supervisor, supervisorPresent), AuditService.currentActor());
            redirect.addFlashAttribute("message", "Image rejected. It stays in the archive for the reject analysis"
                    + " and is hidden from the radiologists; a rejection note was added to the study.");
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/exams/" + examId + "#quality-checks";
    }

    @GetMapping("/quality/thresholds")
    @PreAuthorize("hasAnyRole('LEAD', 'PHYSICIST', 'ADMIN')")
    String thresholds(Model model) {
        model.addAttribute("current", quality.thresholds());
        model.addAttribute("history", quality.thresholdHistory());
        return "quality/thresholds";
    }

    @PostMapping("/quality/thresholds")
    @PreAuthorize("hasAnyRole('LEAD', 'PHYSICIST')")
    String change(@RequestParam String name, @RequestParam(required = false) String manufacturer,
            @RequestParam double value, @RequestParam(required = false) String source, RedirectAttributes redirect) {
        try {
            quality.changeThreshold(name, manufacturer, value, source, AuditService.currentActor());
            redirect.addFlashAttribute("message", "Threshold recorded as a new version.");
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/quality/thresholds";
    }
}
