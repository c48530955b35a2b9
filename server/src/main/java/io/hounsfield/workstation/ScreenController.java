package io.hounsfield.workstation;

import io.hounsfield.audit.AuditService;
import io.hounsfield.contrast.ContrastAnswers;
import io.hounsfield.system.HounsfieldException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cockpit's safety screens and their late findings; each posts back to the exam page. Nothing is
 * preselected, so a missing answer is a refusal, never a default.
 */
@Controller
@RequestMapping("/exams/{examId}")
@PreAuthorize("@workstationAccess.may(authentication, 'PERFORM')")
class ScreenController {

    private final SafetyScreens screens;
    private final LateFindings lateFindings;

    ScreenController(SafetyScreens screens, LateFindings lateFindings) {
        this.screens = screens;
        this.lateFindings = lateFindings;
    }

    @PostMapping("/pregnancy")
    String pregnancy(@PathVariable long examId, @RequestParam(required = false) String answer,
            @RequestParam(required = false) String method, @RequestParam(required = false) String contradictionReason,
            RedirectAttributes redirect) {
        return act(examId, redirect, "Pregnancy screen recorded.", () -> screens.screenPregnancy(examId, answer,
                method, contradictionReason, AuditService.currentActor()));
    }

    @PostMapping("/contrast")
    String contrast(@PathVariable long examId, @RequestParam(required = false) Integer egfr,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate egfrDate,
            @RequestParam(required = false) String priorReaction, @RequestParam(required = false) Boolean metformin,
            @RequestParam(required = false) Boolean kidneyRisk,
            @RequestParam(defaultValue = "false") boolean egfrUnavailable,
            @RequestParam(required = false) BigDecimal weightKg,
            @RequestParam(required = false) String contradictionReason,
            @RequestParam(required = false) Boolean aki, @RequestParam(required = false) Boolean dialysis,
            @RequestParam(defaultValue = "false") boolean pregnant,
            @RequestParam(defaultValue = "false") boolean breastfeeding,
            @RequestParam(required = false) String agentCode, RedirectAttributes redirect) {
        ContrastAnswers answers = new ContrastAnswers(egfr, egfrDate, priorReaction, metformin, kidneyRisk,
                egfrUnavailable, weightKg, contradictionReason, aki, dialysis, pregnant, breastfeeding, agentCode);
        return act(examId, redirect, "Contrast screen recorded.",
                () -> screens.screenContrast(examId, answers, AuditService.currentActor()));
    }

    @PostMapping("/mri")
    String mri(@PathVariable long examId, @RequestParam(required = false) String implant,
            @RequestParam(defaultValue = "false") boolean formReviewed,
            @RequestParam(defaultValue = "false") boolean verbalConfirmed,
            @RequestParam(defaultValue = "false") boolean zoneFourCheck,
            @RequestParam(required = false) String contradictionReason, RedirectAttributes redirect) {
        var checks = new SafetyScreens.MriChecks(formReviewed, verbalConfirmed, zoneFourCheck);
        return act(examId, redirect, "MRI screen recorded.", () -> screens.screenMri(examId, implant, checks,
                contradictionReason, AuditService.currentActor()));
    }

    /** A finding after the exam started: recorded as an amendment, never as a silent change. */
    @PostMapping("/late-finding")
    String lateFinding(@PathVariable long examId, @RequestParam Screen screen,
            @RequestParam(required = false) String answer, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(examId, redirect, "Late finding recorded; the people who must act on it have been notified.",
                () -> lateFindings.amend(examId, screen, answer, reason, AuditService.currentActor()));
    }

    private static String act(long examId, RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("message", done);
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/exams/" + examId;
    }
}
