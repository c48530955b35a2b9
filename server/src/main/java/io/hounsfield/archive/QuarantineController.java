package io.hounsfield.archive;

import io.hounsfield.audit.AuditService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The quarantine list: objects stored but held back because their patient does not match their order. */
@Controller
@PreAuthorize("hasRole('TECHNOLOGIST')")
class QuarantineController {
    private final ArchiveService archive;

    QuarantineController(ArchiveService archive) {
        this.archive = archive;
    }

    @GetMapping("/archive/quarantine")
    String quarantine(Model model) {
        model.addAttribute("studies", archive.quarantine());
        return "archive/quarantine";
    }

    /**
     * Files a quarantined study under an exam: the one its accession number names when none is typed (the modality
     * had a wrong patient), or the one typed (the images belong to another exam).
     */
    @PostMapping("/archive/quarantine/{studyInstanceUid}/assign")
    String assign(@PathVariable String studyInstanceUid, @RequestParam(defaultValue = "") String accessionNumber,
            RedirectAttributes redirect) {
        try {
            int released = archive.assignToExam(studyInstanceUid, accessionNumber, AuditService.currentActor());
            redirect.addFlashAttribute("message", released + " images filed under the exam.");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/archive/quarantine";
    }

    /** Deletes the quarantined images of a study (images of nobody's exam, such as a test shot sent by mistake). */
    @PostMapping("/archive/quarantine/{studyInstanceUid}/reject")
    String reject(@PathVariable String studyInstanceUid, RedirectAttributes redirect) {
        try {
            int deleted = archive.rejectQuarantined(studyInstanceUid, AuditService.currentActor());
            redirect.addFlashAttribute("message", deleted + " images rejected and deleted.");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/archive/quarantine";
    }
}
