package io.hounsfield.archive;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
}
