package io.hounsfield.notification;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditService;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The open notifications for the logged-in user's role, each acknowledged by one of them. */
@Controller
@RequestMapping("/notifications")
@PreAuthorize("hasAnyRole('LEAD', 'RADIOLOGIST', 'PHYSICIST')")
class NotificationController {

    private final NotificationService notifications;
    private final Clock clock;

    NotificationController(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model) {
        Actor actor = AuditService.currentActor();
        model.addAttribute("notifications", notifications.open(List.of(actor.role()), actor));
        model.addAttribute("zone", clock.getZone());
        return "notification/list";
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
        try {
            notifications.acknowledge(id, AuditService.currentActor());
            redirect.addFlashAttribute("message", "Marked as seen.");
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/notifications";
    }
}
