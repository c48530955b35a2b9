package io.hounsfield.patient;

/** Administrative sex as HL7 table 0001 and DICOM (0010,0040) spell it; U and O when unknown or other. */
public enum Sex {
    F("female"), M("male"), O("other"), U("unknown");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    /** How pages show it to staff. */
    public String label() {
        return label;
    }

    /** Reads an HL7 or DICOM code; anything unrecognised is U (unknown), never a guess. */
    public static Sex fromCode(String code) {
        if (code == null) {
            return U;
        }
        return switch (code.strip().toUpperCase()) {
            case "F" -> F;
            case "M" -> M;
            case "O", "A", "N" -> O;
            default -> U;
        };
    }
}
