package io.hounsfield.equipment;

/** Header values by which stored objects name the device that made them. */
public enum AliasKind {
    /** Device Serial Number (0018,1000), PS3.3 §C.7.5.1. */
    SERIAL_NUMBER("Device serial number"),
    /** Device Observer UID (0040,A171), PS3.3 §C.17.3 (dose reports). */
    OBSERVER_UID("Device observer UID"),
    /** Station Name (0008,1010), PS3.3 §C.7.5.1. */
    STATION_NAME("Station name");

    private final String label;

    AliasKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
