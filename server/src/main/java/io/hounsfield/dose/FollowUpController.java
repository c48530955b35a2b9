package io.hounsfield.dose;

import io.hounsfield.audit.AuditService;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dose follow-up list of leads and physicists: exceeded levels, and what was done about each. */
@Controller
@PreAuthorize("hasAnyRole('PHYSICIST', 'LEAD')")
class FollowUpController {
    static final String FOLLOW_UP = "/dose/follow-up";

    private final DoseService dose;
    private final Clock clock;

    FollowUpController(DoseService dose, Clock clock) {
        this.dose = dose;
        this.clock = clock;
    }

    @GetMapping(FOLLOW_UP)
    String list(Model model) {
        model.addAttribute("list", dose.followUpList(AuditService.currentActor()));
        model.addAttribute("zone", clock.getZone());
        return "dose/follow-up";
    }

    @PostMapping(FOLLOW_UP + "/{id}")
    String followUp(@PathVariable long id, @RequestParam(required = false) String done,
            RedirectAttributes redirect) {
        try {
            dose.recordFollowUp(id, done, AuditService.currentActor());
            redirect.addFlashAttribute("message", "Follow-up recorded.");
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + FOLLOW_UP;
    }
}
