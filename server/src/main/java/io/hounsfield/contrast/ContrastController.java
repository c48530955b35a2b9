package io.hounsfield.contrast;

import io.hounsfield.audit.AuditService;
import io.hounsfield.system.HounsfieldException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The contrast forms of the exam cockpit; each posts back to the exam page. */
@Controller
@RequestMapping("/exams/{examId}/contrast")
@PreAuthorize("@contrastAccess.mayRecord(authentication)")
class ContrastController {

    private final ContrastService contrast;

    ContrastController(ContrastService contrast) {
        this.contrast = contrast;
    }

    @PostMapping("/premedication")
    String premedication(@PathVariable long examId, @RequestParam(required = false) String regimen,
            @RequestParam(required = false) String drug,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime givenAt,
            RedirectAttributes redirect) {
        return act(examId, redirect, "Premedication dose recorded.",
                () -> contrast.recordDose(examId, regimen, drug, givenAt, AuditService.currentActor()));
    }

    @PostMapping("/reaction")
    String reaction(@PathVariable long examId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime onset,
            @RequestParam(required = false) String type, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String example, @RequestParam(required = false) String otherWords,
            @RequestParam(required = false) String treatment, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String followUp, RedirectAttributes redirect) {
        ReactionForm form = new ReactionForm(onset, type, severity, example, otherWords, treatment, outcome, followUp);
        return act(examId, redirect, "Reaction recorded; the patient's record now warns of it.",
                () -> contrast.recordReaction(examId, form, AuditService.currentActor()));
    }

    @PostMapping("/administration")
    String administration(@PathVariable long examId, @RequestParam(required = false) Long lotId,
            @RequestParam(required = false) String gs1, @RequestParam(required = false) BigDecimal volumeMl,
            @RequestParam(required = false) String route, @RequestParam(required = false) String site,
            @RequestParam(required = false) BigDecimal rateMlPerS, @RequestParam(required = false) String injector,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime administeredAt, RedirectAttributes redirect) {
        AdministrationForm form = new AdministrationForm(lotId, gs1, volumeMl, route, site, rateMlPerS, injector,
                administeredAt);
        return act(examId, redirect, "Contrast administration recorded; the stock is updated.",
                () -> contrast.administer(examId, form, AuditService.currentActor()));
    }

    @PostMapping("/extravasation")
    String extravasation(@PathVariable long examId, @RequestParam(required = false) BigDecimal volumeMl,
            @RequestParam(required = false) String site, @RequestParam(required = false) String treatment,
            @RequestParam(required = false) String followUp, RedirectAttributes redirect) {
        ExtravasationForm form = new ExtravasationForm(volumeMl, site, treatment, followUp);
        return act(examId, redirect, "Extravasation recorded.",
                () -> contrast.recordExtravasation(examId, form, AuditService.currentActor()));
    }

    static String act(long examId, RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("message", done);
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/exams/" + examId + "#contrast-care";
    }
}
