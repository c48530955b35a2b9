package io.hounsfield.equipment;

import java.time.Instant;
import java.util.List;

/**
 * One unit of equipment: its own id, so that it stays itself when its AE title, station name or Device Observer
 * UID changes (the DICOM peers and aliases point to it, not the other way round).
 *
 * @param qcFailureRule whether a failed QC result takes it out of service by itself
 * @param aeTitles      the DICOM peers that are this unit
 */
public record Equipment(long id, String name, String room, String modality, String manufacturer, String model,
        String serialNumber, String softwareVersion, String serviceContacts, EquipmentStatus status,
        Instant statusSince, String statusReason, boolean qcFailureRule, List<String> aeTitles) {

    public Equipment {
        aeTitles = List.copyOf(aeTitles);
    }

    public boolean outOfService() {
        return status == EquipmentStatus.OUT_OF_SERVICE;
    }
}
