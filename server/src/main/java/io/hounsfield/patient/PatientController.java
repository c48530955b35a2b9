package io.hounsfield.patient;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.system.HounsfieldException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registration at the desk, for walk-in patients and for RIS downtime when no ADT message comes: a likely
 * duplicate is shown with its details and the user chooses it or confirms a different person; then the
 * order form opens for the patient.
 */
@Controller
@PreAuthorize("hasRole('TECHNOLOGIST')")
class PatientController {

    static final String ORDER_FORM = "/orders/new?patient=";

    private final PatientService patients;
    private final AuditService audit;
    private final Clock clock;

    PatientController(PatientService patients, AuditService audit, Clock clock) {
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/patients/new")
    String form(Model model) {
        if (!model.containsAttribute("registration")) {
            model.addAttribute("registration", RegistrationForm.empty());
        }
        return "patient/register";
    }

    @PostMapping("/patients")
    String register(@Valid @ModelAttribute("registration") RegistrationForm form, BindingResult errors,
            @RequestParam(defaultValue = "false") boolean confirmedDifferent, Model model, RedirectAttributes redirect) {
        check(form, errors);
        if (errors.hasErrors()) {
            return form(model);
        }
        var actor = AuditService.currentActor();
        PatientIdentifier identifier = form.identifier();
        Optional<Patient> sameMrn = identifier == null ? Optional.empty() : patients.find(identifier);
        if (sameMrn.isPresent()) {
            audit.record(AuditEntry.success("PATIENT_POSSIBLE_DUPLICATE_SHOWN", PatientService.OBJECT_TYPE,
                    String.valueOf(sameMrn.get().id())).forPatient(identifier.toString()).withDetail("same MRN"));
            model.addAttribute("candidates", List.of(sameMrn.get()));
            model.addAttribute("sameMrn", true);
            return form(model);
        }
        List<Patient> duplicates = confirmedDifferent ? List.of() : patients.likelyDuplicates(form.demographics(), actor);
        if (!duplicates.isEmpty()) {
            model.addAttribute("candidates", duplicates);
            return form(model);
        }
        try {
            Patient registered = patients.registerAtDesk(identifier, form.demographics(), confirmedDifferent, actor);
            redirect.addFlashAttribute("message", registered.demographics().familyName().toUpperCase()
                    + " registered with MRN " + registered.identifier().value() + ". Now enter the order.");
            return "redirect:" + ORDER_FORM + registered.id();
        } catch (HounsfieldException | IllegalArgumentException refused) {
            errors.reject("refused", refused.getMessage());
            return form(model);
        }
    }

    /** The user recognised the patient as one already registered: order for them, no new record. */
    @PostMapping("/patients/{id}/choose")
    String choose(@PathVariable long id, RedirectAttributes redirect) {
        Patient chosen = patients.get(id);
        audit.record(AuditEntry.success("PATIENT_CHOSEN_AT_REGISTRATION", PatientService.OBJECT_TYPE, String.valueOf(id))
                .forPatient(chosen.identifier().toString()).withDetail("existing patient chosen instead of a new one"));
        redirect.addFlashAttribute("message", "Using the registered patient " + chosen.demographics().familyName().toUpperCase()
                + ", MRN " + chosen.identifier().value() + ". Now enter the order.");
        return "redirect:" + ORDER_FORM + id;
    }

    private void check(RegistrationForm form, BindingResult errors) {
        if (!form.assignDowntimeMrn() && (isBlank(form.mrn()) || isBlank(form.issuer()))) {
            errors.rejectValue("mrn", "missing", "enter the MRN and its issuer, or tick \"assign a downtime MRN\"");
        }
        if (form.birthDate() != null && form.birthDate().isAfter(LocalDate.now(clock))) {
            errors.rejectValue("birthDate", "future", "the birth date is in the future");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
