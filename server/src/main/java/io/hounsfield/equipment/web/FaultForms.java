package io.hounsfield.equipment.web;

import io.hounsfield.audit.AuditService;
import io.hounsfield.equipment.EquipmentDetails;
import io.hounsfield.equipment.EquipmentService;
import io.hounsfield.equipment.EquipmentStatus;
import io.hounsfield.equipment.Fault;
import io.hounsfield.equipment.FaultLog;
import io.hounsfield.equipment.FaultSeverity;
import io.hounsfield.equipment.NewFault;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import org.springframework.stereotype.Component;

/** The fault log's forms: each checks the fault is the page's unit's, does the change, and says what it did. */
@Component
class FaultForms {

    private final EquipmentService equipment;
    private final FaultLog faults;

    FaultForms(EquipmentService equipment, FaultLog faults) {
        this.equipment = equipment;
        this.faults = faults;
    }

    String report(long id, String symptom, String errorCode, FaultSeverity severity, String notes) {
        Fault fault = faults.report(id, new NewFault(trim(symptom, 500), trim(errorCode, 64), severity, trim(notes, 2000)),
                AuditService.currentActor());
        return "Fault logged." + (fault.stopsScanning() ? " The lead technologists have been told." : "");
    }

    String action(long id, long faultId, String action) {
        faults.action(ofUnit(id, faultId).id(), trim(action, 500), AuditService.currentActor());
        return "Action recorded.";
    }

    String serviceCall(long id, long faultId, String ticket) {
        faults.serviceCall(ofUnit(id, faultId).id(), trim(ticket, 64), null, AuditService.currentActor());
        return "Service call recorded.";
    }

    String resolve(long id, long faultId, String resolution) {
        faults.resolve(ofUnit(id, faultId).id(), trim(resolution, 1000), AuditService.currentActor());
        return "Fault resolved.";
    }

    String outOfService(long id, long faultId) {
        Fault fault = ofUnit(id, faultId);
        equipment.setStatus(id, EquipmentStatus.OUT_OF_SERVICE, "Fault: " + fault.symptom(), AuditService.currentActor());
        return "Taken out of service.";
    }

    static EquipmentDetails details(String name, String room, String modality, String manufacturer, String model,
            String serialNumber, String softwareVersion, String serviceContacts) {
        if (blank(name) || blank(room) || blank(modality)) {
            throw new HounsfieldException(Failure.MISSING_VALUE, "Name, room and modality are required.");
        }
        return new EquipmentDetails(trim(name, 64), trim(room, 64), trim(modality, 4).toUpperCase(),
                trim(manufacturer, 64), trim(model, 64), trim(serialNumber, 64), trim(softwareVersion, 64),
                trim(serviceContacts, 500));
    }

    private Fault ofUnit(long id, long faultId) {
        Fault fault = faults.get(faultId);
        if (fault.equipmentId() != id) {
            throw new HounsfieldException(Failure.NOT_FOUND, "There is no fault " + faultId + " for this equipment.");
        }
        return fault;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Blank to null; too long is refused rather than cut. */
    private static String trim(String value, int max) {
        if (blank(value)) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "At most " + max + " characters, please.");
        }
        return value.strip();
    }
}
