package io.hounsfield.dose;

import io.hounsfield.audit.AuditService;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A patient's dose history, linked from the exam cockpit's dose panel. */
@Controller
@PreAuthorize("hasAnyRole('TECHNOLOGIST', 'STUDENT', 'LEAD', 'PHYSICIST', 'RADIOLOGIST')")
class PatientDoseController {
    private final DoseService dose;
    private final Clock clock;

    PatientDoseController(DoseService dose, Clock clock) {
        this.dose = dose;
        this.clock = clock;
    }

    @GetMapping("/patients/{id}/dose")
    String history(@PathVariable long id, Model model) {
        model.addAttribute("history", dose.patientDose(id, AuditService.currentActor()));
        model.addAttribute("zone", clock.getZone());
        return "dose/patient";
    }
}
