package io.hounsfield.order;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.contrast.ContrastService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.Laterality;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.system.HounsfieldException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Orders typed in by a technologist or lead, for when the ordering system is down or the order came on
 * paper; registration at the desk ({@code /patients/new}) opens this form for the patient it registered.
 */
@Controller
@PreAuthorize("hasRole('TECHNOLOGIST')")
class OrderController {

    static final String PLACER_APPLICATION = "HOUNSFIELD";

    private final OrderService orders;
    private final PatientService patients;
    private final ProcedureCatalog catalog;
    private final OrderNumbers numbers;
    private final AuditService audit;
    private final Clock clock;
    private final ContrastService contrast;

    OrderController(OrderService orders, PatientService patients, ProcedureCatalog catalog, OrderNumbers numbers,
            AuditService audit, Clock clock, ContrastService contrast) {
        this.contrast = contrast;
        this.clock = clock;
        this.orders = orders;
        this.patients = patients;
        this.catalog = catalog;
        this.numbers = numbers;
        this.audit = audit;
    }

    /** The form, for the patient just registered or chosen at the desk when {@code patient} is given. */
    @GetMapping("/orders/new")
    String form(@RequestParam(required = false) Long patient, Model model) {
        if (patient != null && !model.containsAttribute("order")) {
            Patient chosen = patients.get(patient);
            audit.record(AuditEntry.success("PATIENT_VIEWED", "PATIENT", String.valueOf(chosen.id()))
                    .forPatient(chosen.identifier().toString()).withDetail("order form"));
            model.addAttribute("patient", chosen);
            model.addAttribute("contrastWarnings", contrast.warnings(chosen.id()));
            model.addAttribute("order", OrderForm.forPatient(chosen.identifier().value(), chosen.identifier().issuer(),
                    LocalDate.now(clock)));
        }
        return form(model);
    }

    private String form(Model model) {
        if (!model.containsAttribute("order")) {
            model.addAttribute("order", OrderForm.empty(LocalDate.now(clock)));
        }
        model.addAttribute("procedures", catalog.all());
        return "order/new";
    }

    @PostMapping("/orders")
    String place(@Valid @ModelAttribute("order") OrderForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Optional<Patient> patient = errors.hasErrors() ? Optional.empty() : findPatient(form, errors);
        if (patient.isEmpty()) {
            return form(model);
        }
        try {
            Exam exam = orders.place(new NewOrder(PLACER_APPLICATION, numbers.next(), patient.get().id(),
                    form.procedureCode(), Laterality.parse(form.laterality()), form.priority(), form.reason(),
                    form.orderingProvider(), blankToNull(form.room()), start(form), null, null),
                    AuditService.currentActor());
            audit.record(AuditEntry.success("ORDER_PLACED", "ORDER", String.valueOf(exam.orderId()))
                    .forPatient(patient.get().identifier().toString()).withDetail("entered on the order form, exam "
                            + exam.accessionNumber()));
            redirect.addFlashAttribute("message", "Order placed: exam " + exam.accessionNumber()
                    + (exam.scheduledStart() == null ? ", waiting for a slot." : ", on the schedule."));
            if (catalog.get(exam.procedureCode()).contrast()) {
                redirect.addFlashAttribute("contrastWarnings", contrast.warnings(patient.get().id()));
            }
            return "redirect:/orders/new";
        } catch (HounsfieldException | IllegalArgumentException refused) {
            errors.reject("refused", refused.getMessage());
            return form(model);
        }
    }

    private Optional<Patient> findPatient(OrderForm form, BindingResult errors) {
        Optional<Patient> patient = patients.find(new PatientIdentifier(form.issuer(), form.patientId()));
        if (patient.isEmpty()) {
            errors.rejectValue("patientId", "unknown", "no patient with this ID and issuer");
        }
        return patient;
    }

    private static Instant start(OrderForm form) {
        return form.day() == null || form.time() == null ? null
                : form.day().atTime(form.time()).atZone(ZoneId.systemDefault()).toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
