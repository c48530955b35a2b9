package io.hounsfield.exam;

/** Which side: DICOM Laterality (0020,0060) values L and R, plus B for both. */
public enum Laterality {
    L, R, B;

    /** Reads L/R/B and the words LEFT/RIGHT/BOTH/BILATERAL; blank is no laterality. */
    public static Laterality parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toUpperCase()) {
            case "L", "LEFT", "LT" -> L;
            case "R", "RIGHT", "RT" -> R;
            case "B", "BOTH", "BILATERAL", "BI" -> B;
            default -> throw new IllegalArgumentException("unknown laterality '" + value + "'");
        };
    }
}
