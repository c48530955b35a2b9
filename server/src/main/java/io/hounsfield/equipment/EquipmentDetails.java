package io.hounsfield.equipment;

/** The parts of an equipment record a LEAD or administrator types. */
public record EquipmentDetails(String name, String room, String modality, String manufacturer, String model,
        String serialNumber, String softwareVersion, String serviceContacts) {
}
