package io.hounsfield.exam;

/** How soon: STAT before URGENT before ROUTINE on every list. */
public enum Priority {
    STAT("STAT"), URGENT("Urgent"), ROUTINE("Routine");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    /** The priority as staff say it; STAT is the word they use. */
    public String label() {
        return label;
    }

    /** HL7 TQ1-9 / ORC-7 priority codes: S stat, A ASAP and U urgent, anything else routine. */
    public static Priority fromHl7(String code) {
        if (code == null) {
            return ROUTINE;
        }
        return switch (code.strip().toUpperCase()) {
            case "S", "STAT" -> STAT;
            case "A", "U", "ASAP", "URGENT" -> URGENT;
            default -> ROUTINE;
        };
    }
}
