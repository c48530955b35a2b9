package io.hounsfield.equipment;

/** Whether a unit may be used for patients. */
public enum EquipmentStatus {
    IN_SERVICE("In service"),
    /** Usable with restrictions (e.g. one coil broken); still gets its worklist. */
    LIMITED("Limited use"),
    /** Not for patients: gets no worklist entries, its booked exams show a warning on the board. */
    OUT_OF_SERVICE("Out of service");

    private final String label;

    EquipmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
