package io.hounsfield.archive;

import io.hounsfield.audit.AuditService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    /** Files a quarantined study under the patient its order names (the fix when the modality had a wrong ID). */
    @PostMapping("/archive/quarantine/{studyInstanceUid}/assign-to-order")
    String assignToOrder(@PathVariable String studyInstanceUid, RedirectAttributes redirect) {
        try {
            int released = archive.assignToOrderedPatient(studyInstanceUid, AuditService.currentActor());
            redirect.addFlashAttribute("message", released + " images filed under the ordered patient.");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/archive/quarantine";
    }
}
