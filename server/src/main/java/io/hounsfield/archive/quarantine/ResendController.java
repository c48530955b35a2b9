package io.hounsfield.archive.quarantine;

import io.hounsfield.archive.ingest.DifferingResends;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Resent images whose content differed from the stored copy, which was kept: for the lead technologist to ask the
 * sender which copy is right. Shows UIDs and senders only, no patient data.
 */
@Controller
@PreAuthorize("hasRole('LEAD')")
class ResendController {
    private final DifferingResends resends;

    ResendController(DifferingResends resends) {
        this.resends = resends;
    }

    @GetMapping("/archive/resends")
    String resends(Model model) {
        model.addAttribute("resends", resends.latest());
        return "archive/resends";
    }
}
