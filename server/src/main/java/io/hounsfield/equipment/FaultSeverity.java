package io.hounsfield.equipment;

/** How badly a malfunction affects scanning. */
public enum FaultSeverity {
    MINOR("Minor — scanning unaffected"),
    DEGRADED("Degraded — scanning with restrictions"),
    STOPS_SCANNING("Stops scanning");

    private final String label;

    FaultSeverity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
