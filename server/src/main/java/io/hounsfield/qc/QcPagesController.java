package io.hounsfield.qc;

import io.hounsfield.audit.AuditService;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The QC program page (due and overdue tests, results entered by hand, tolerances) and a scanner's trend. */
@Controller
@PreAuthorize("hasAnyRole('TECHNOLOGIST', 'STUDENT', 'LEAD', 'PHYSICIST', 'ADMIN')")
class QcPagesController {

    static final String PROGRAM = "/equipment/qc";

    private final QcService qc;
    private final Clock clock;

    QcPagesController(QcService qc, Clock clock) {
        this.qc = qc;
        this.clock = clock;
    }

    @GetMapping(PROGRAM)
    String program(Model model) {
        model.addAttribute("rows", qc.program());
        model.addAttribute("tests", qc.tests());
        model.addAttribute("devices", qc.programDevices().keySet());
        model.addAttribute("tolerances", qc.tolerances());
        model.addAttribute("zone", clock.getZone());
        return "equipment/qc";
    }

    @PostMapping(PROGRAM + "/results")
    @PreAuthorize("hasAnyRole('TECHNOLOGIST', 'STUDENT', 'LEAD', 'PHYSICIST')")
    String enter(@RequestParam String aeTitle, @RequestParam String test,
            @RequestParam(required = false) Double value, @RequestParam(defaultValue = "false") boolean passed,
            @RequestParam(defaultValue = "") String notes, RedirectAttributes flash) {
        QcResult result = qc.recordByHand(aeTitle, test, value, passed, notes, AuditService.currentActor().name());
        flash.addFlashAttribute("message", aeTitle + ": result recorded, " + (result.passed() ? "passed" : "failed")
                + ".");
        return "redirect:" + PROGRAM;
    }

    @PostMapping(PROGRAM + "/tolerances")
    @PreAuthorize("hasAnyRole('LEAD', 'PHYSICIST')")
    String tolerance(@RequestParam long id, @RequestParam(required = false) Double low,
            @RequestParam(required = false) Double high, @RequestParam(defaultValue = "") String source,
            RedirectAttributes flash) {
        try {
            qc.changeTolerance(id, low, high, source, AuditService.currentActor().name());
            flash.addFlashAttribute("message", "Tolerance changed; the earlier version is kept.");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + PROGRAM;
    }

    @GetMapping(PROGRAM + "/trend")
    String trend(@RequestParam(defaultValue = "CT1") String aeTitle, Model model) {
        model.addAttribute("trend", qc.trend(aeTitle, 30));
        model.addAttribute("devices", qc.devices());
        model.addAttribute("zone", clock.getZone());
        return "equipment/qc-trend";
    }
}
