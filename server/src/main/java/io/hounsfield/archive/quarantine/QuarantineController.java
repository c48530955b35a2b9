package io.hounsfield.archive.quarantine;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.QuarantineRejection;
import io.hounsfield.audit.AuditService;
import io.hounsfield.system.Count;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The quarantine list: objects stored but held back because their patient does not match their order. Filing and
 * rejecting each go through a confirmation page that shows the images' patient beside the exam's patient; a POST
 * without the confirmation changes nothing. A reject can be restored until its grace period ends.
 */
@Controller
@PreAuthorize("hasRole('TECHNOLOGIST')")
class QuarantineController {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final ArchiveService archive;
    private final Clock clock;

    QuarantineController(ArchiveService archive, Clock clock) {
        this.archive = archive;
        this.clock = clock;
    }

    @GetMapping("/archive/quarantine")
    String quarantine(Model model) {
        model.addAttribute("studies", archive.quarantine());
        model.addAttribute("rejected", archive.rejectedQuarantine());
        model.addAttribute("until", new Until(clock));
        return "archive/quarantine";
    }

    /** The confirmation page of filing under an exam, or of rejecting ({@code action} "assign" or "reject"). */
    @GetMapping("/archive/quarantine/{studyInstanceUid}/{action:assign|reject}")
    String confirm(@PathVariable String studyInstanceUid, @PathVariable String action,
            @RequestParam(defaultValue = "") String accessionNumber, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("review", archive.reviewQuarantined(studyInstanceUid, accessionNumber));
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/archive/quarantine";
        }
        model.addAttribute("action", action);
        return "archive/quarantine-confirm";
    }

    /**
     * Files a quarantined study under an exam: the one its accession number names when none is typed (the modality
     * had a wrong patient), or the one typed (the images belong to another exam). Needs the confirmation, and the
     * acknowledgement when sex or birth date differ.
     */
    @PostMapping("/archive/quarantine/{studyInstanceUid}/assign")
    String assign(@PathVariable String studyInstanceUid, @RequestParam(defaultValue = "") String accessionNumber,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @RequestParam(defaultValue = "false") boolean acknowledged, RedirectAttributes redirect) {
        if (!confirmed) {
            return confirmation(studyInstanceUid, "assign", accessionNumber);
        }
        try {
            if (!acknowledged && archive.reviewQuarantined(studyInstanceUid, accessionNumber).comparison().mismatch()) {
                redirect.addFlashAttribute("error",
                        "Tick the box to confirm that you checked the differences, or go back.");
                return confirmation(studyInstanceUid, "assign", accessionNumber);
            }
            int released = archive.assignToExam(studyInstanceUid, accessionNumber, AuditService.currentActor());
            redirect.addFlashAttribute("message", Count.of(released, "image", "images") + " filed under the exam.");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/archive/quarantine";
    }

    /** Rejects the quarantined images of a study (images of nobody's exam, such as a test shot sent by mistake). */
    @PostMapping("/archive/quarantine/{studyInstanceUid}/reject")
    String reject(@PathVariable String studyInstanceUid, @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        if (!confirmed) {
            return confirmation(studyInstanceUid, "reject", "");
        }
        try {
            QuarantineRejection rejection = archive.rejectQuarantined(studyInstanceUid, AuditService.currentActor());
            redirect.addFlashAttribute("message", Count.of(rejection.instances(), "image", "images") + " rejected. They can be restored until "
                    + new Until(clock).format(rejection.restorableUntil()) + ".");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/archive/quarantine";
    }

    /** Brings rejected images back to the quarantine list while their grace period lasts. */
    @PostMapping("/archive/quarantine/{studyInstanceUid}/restore")
    String restore(@PathVariable String studyInstanceUid, RedirectAttributes redirect) {
        try {
            int restored = archive.restoreRejected(studyInstanceUid, AuditService.currentActor());
            redirect.addFlashAttribute("message", Count.of(restored, "image is", "images are") + " back in quarantine.");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/archive/quarantine";
    }

    private static String confirmation(String studyInstanceUid, String action, String accessionNumber) {
        return "redirect:" + UriComponentsBuilder.fromPath("/archive/quarantine/{uid}/{action}")
                .queryParam("accessionNumber", accessionNumber).buildAndExpand(studyInstanceUid, action).encode()
                .toUriString();
    }

    /** Formats instants in the department's zone, for the page. */
    record Until(Clock clock) {
        public String format(Instant instant) {
            return UNTIL.format(instant.atZone(clock.getZone()));
        }
    }
}
