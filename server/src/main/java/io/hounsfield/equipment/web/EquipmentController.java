package io.hounsfield.equipment.web;

import io.hounsfield.audit.AuditService;
import io.hounsfield.equipment.AliasKind;
import io.hounsfield.equipment.Equipment;
import io.hounsfield.equipment.EquipmentDetails;
import io.hounsfield.equipment.EquipmentService;
import io.hounsfield.equipment.EquipmentStatus;
import io.hounsfield.equipment.Fault;
import io.hounsfield.equipment.FaultLog;
import io.hounsfield.equipment.FaultSeverity;
import io.hounsfield.equipment.OverdueQc;
import io.hounsfield.equipment.RoomReadiness;
import io.hounsfield.equipment.StatusChange;
import io.hounsfield.equipment.Uptime;
import io.hounsfield.system.HounsfieldException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The equipment pages: the list with status, open faults, room readiness and uptime; a unit's record, status
 * history, fault log and aliases. Technologists and students view and log faults; leads and administrators
 * decide on the status and edit records; physicists view.
 */
@Controller
@RequestMapping(EquipmentController.EQUIPMENT)
@PreAuthorize(EquipmentController.VIEW)
class EquipmentController {
    static final String EQUIPMENT = "/equipment";
    static final String VIEW = "hasAnyRole('STUDENT', 'ADMIN', 'PHYSICIST')";
    static final String LOG = "hasAnyRole('STUDENT', 'ADMIN')";
    static final String DECIDE = "hasAnyRole('LEAD', 'ADMIN')";

    private final EquipmentService equipment;
    private final FaultLog faults;
    private final FaultForms forms;
    private final OverdueQc qc;

    EquipmentController(EquipmentService equipment, FaultLog faults, FaultForms forms, OverdueQc qc) {
        this.equipment = equipment;
        this.faults = faults;
        this.forms = forms;
        this.qc = qc;
    }

    @GetMapping
    String list(Model model) {
        List<Equipment> units = equipment.all();
        Map<Long, Long> open = faults.open().stream().collect(Collectors.groupingBy(Fault::equipmentId,
                Collectors.counting()));
        Map<String, RoomReadiness> rooms = equipment.readiness().stream()
                .collect(Collectors.toMap(RoomReadiness::room, Function.identity()));
        model.addAttribute("units", units);
        model.addAttribute("openFaults", open);
        model.addAttribute("rooms", rooms);
        model.addAttribute("uptime", UptimeChart.of(equipment.uptimes()));
        model.addAttribute("overdueQc", qc.overdueDailyQc());
        return "equipment/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Equipment unit = equipment.get(id);
        List<StatusChange> history = new ArrayList<>(equipment.history(id));
        Collections.reverse(history);
        model.addAttribute("unit", unit);
        model.addAttribute("history", history);
        model.addAttribute("faults", faults.of(id));
        model.addAttribute("aliases", equipment.aliases(id));
        Uptime uptime = equipment.uptime(id);
        model.addAttribute("uptime", UptimeChart.of(List.of(uptime)));
        model.addAttribute("statuses", EquipmentStatus.values());
        model.addAttribute("severities", FaultSeverity.values());
        model.addAttribute("aliasKinds", AliasKind.values());
        return "equipment/detail";
    }

    @PostMapping("/{id}/status")
    @PreAuthorize(DECIDE)
    String status(@PathVariable long id, @RequestParam EquipmentStatus status, @RequestParam String reason,
            RedirectAttributes redirect) {
        return attempt(id, redirect, () -> {
            boolean changed = equipment.setStatus(id, status, reason, AuditService.currentActor());
            return changed ? "Status set to " + status.label().toLowerCase() + "." : "The status was already "
                    + status.label().toLowerCase() + ".";
        });
    }

    @PostMapping("/{id}/qc-rule")
    @PreAuthorize(DECIDE)
    String qcRule(@PathVariable long id, @RequestParam(defaultValue = "false") boolean on, RedirectAttributes redirect) {
        return attempt(id, redirect, () -> {
            equipment.setQcFailureRule(id, on, AuditService.currentActor());
            return on ? "A failed QC now takes it out of service." : "A failed QC is now only reported.";
        });
    }

    @PostMapping("/{id}")
    @PreAuthorize(DECIDE)
    String change(@PathVariable long id, @RequestParam String name, @RequestParam String room,
            @RequestParam String modality, @RequestParam(required = false) String manufacturer,
            @RequestParam(required = false) String model, @RequestParam(required = false) String serialNumber,
            @RequestParam(required = false) String softwareVersion,
            @RequestParam(required = false) String serviceContacts, RedirectAttributes redirect) {
        return attempt(id, redirect, () -> {
            equipment.change(id, FaultForms.details(name, room, modality, manufacturer, model, serialNumber,
                    softwareVersion, serviceContacts), AuditService.currentActor());
            return "Record saved.";
        });
    }

    @PostMapping("/{id}/ae-titles")
    @PreAuthorize(DECIDE)
    String addAeTitle(@PathVariable long id, @RequestParam String aeTitle, RedirectAttributes redirect) {
        return attempt(id, redirect, () -> {
            equipment.addAeTitle(id, aeTitle.strip(), AuditService.currentActor());
            return "AE title " + aeTitle.strip() + " added.";
        });
    }

    @PostMapping("/{id}/aliases")
    @PreAuthorize(DECIDE)
    String addAlias(@PathVariable long id, @RequestParam AliasKind kind, @RequestParam String value,
            RedirectAttributes redirect) {
        return attempt(id, redirect, () -> equipment.addAlias(id, kind, value, AuditService.currentActor())
                ? kind.label() + " added." : "That " + kind.label().toLowerCase() + " was known already.");
    }

    @PostMapping
    @PreAuthorize(DECIDE)
    String register(@RequestParam String name, @RequestParam String room, @RequestParam String modality,
            @RequestParam(defaultValue = "") String aeTitles, RedirectAttributes redirect) {
        try {
            Equipment unit = equipment.register(FaultForms.details(name, room, modality, null, null, null, null, null),
                    Arrays.stream(aeTitles.split("[,\\s]+")).filter(ae -> !ae.isBlank()).toList(),
                    AuditService.currentActor());
            redirect.addFlashAttribute("message", unit.name() + " added.");
            return "redirect:" + EQUIPMENT + "/" + unit.id();
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:" + EQUIPMENT;
        }
    }

    @PostMapping("/{id}/faults")
    @PreAuthorize(LOG)
    String reportFault(@PathVariable long id, @RequestParam String symptom, @RequestParam(required = false) String errorCode,
            @RequestParam FaultSeverity severity, @RequestParam(required = false) String notes,
            RedirectAttributes redirect) {
        return attempt(id, redirect, () -> forms.report(id, symptom, errorCode, severity, notes));
    }

    @PostMapping("/{id}/faults/{faultId}/actions")
    @PreAuthorize(LOG)
    String action(@PathVariable long id, @PathVariable long faultId, @RequestParam String action,
            RedirectAttributes redirect) {
        return attempt(id, redirect, () -> forms.action(id, faultId, action));
    }

    @PostMapping("/{id}/faults/{faultId}/service-call")
    @PreAuthorize(LOG)
    String serviceCall(@PathVariable long id, @PathVariable long faultId, @RequestParam(required = false) String ticket,
            RedirectAttributes redirect) {
        return attempt(id, redirect, () -> forms.serviceCall(id, faultId, ticket));
    }

    @PostMapping("/{id}/faults/{faultId}/resolve")
    @PreAuthorize(LOG)
    String resolve(@PathVariable long id, @PathVariable long faultId, @RequestParam String resolution,
            RedirectAttributes redirect) {
        return attempt(id, redirect, () -> forms.resolve(id, faultId, resolution));
    }

    /** A fault that stops scanning: the lead takes the unit out of service from the fault itself. */
    @PostMapping("/{id}/faults/{faultId}/out-of-service")
    @PreAuthorize(DECIDE)
    String outOfService(@PathVariable long id, @PathVariable long faultId, RedirectAttributes redirect) {
        return attempt(id, redirect, () -> forms.outOfService(id, faultId));
    }

    private String attempt(long id, RedirectAttributes redirect, Supplier<String> change) {
        try {
            redirect.addFlashAttribute("message", change.get());
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + EQUIPMENT + "/" + id;
    }
}
