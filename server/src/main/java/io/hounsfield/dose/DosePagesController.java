package io.hounsfield.dose;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dose pages: the technologist's reason when a dose check level was exceeded (posted from the exam cockpit's
 * dose panel), and the table of dose check levels, which physicists edit and leads read.
 */
@Controller
class DosePagesController {
    static final String LEVELS = "/dose/levels";

    private final DoseService dose;
    private final AuditService audit;

    DosePagesController(DoseService dose, AuditService audit) {
        this.dose = dose;
        this.audit = audit;
    }

    @PostMapping("/exams/{examId}/dose/reason")
    @PreAuthorize("@workstationAccess.may(authentication, 'PERFORM')")
    String reason(@PathVariable long examId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            dose.recordReason(examId, reason, AuditService.currentActor());
            redirect.addFlashAttribute("message", "Reason recorded. The exam can be completed.");
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/exams/" + examId + "#dose";
    }

    @GetMapping(LEVELS)
    @PreAuthorize("hasAnyRole('PHYSICIST', 'LEAD')")
    String levels(Model model) {
        audit.record(AuditEntry.success("DOSE_LEVELS_VIEWED", "DOSE_LEVEL", null));
        model.addAttribute("levels", dose.levels());
        model.addAttribute("versions", dose.levelVersions());
        return "dose/levels";
    }

    @PostMapping(LEVELS + "/{key}")
    @PreAuthorize("hasRole('PHYSICIST')")
    String change(@PathVariable String key, @RequestParam String value, @RequestParam String source,
            @RequestParam(required = false) String edition, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            dose.changeLevel(key, number(value), source, edition, note, AuditService.currentActor());
            redirect.addFlashAttribute("message", "Level changed; the version before is kept below.");
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + LEVELS;
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value.strip().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "The value must be a number, like 80.");
        }
    }
}
